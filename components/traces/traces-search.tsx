"use client";

import { SearchForm } from "./search-form";
import { TraceResults } from "./trace-results";
import { useTraceSearch } from "./use-trace-search";

/** The traces page: the search (kept in the URL) and what it finds. */
export function TracesSearch() {
  const [search, setSearch] = useTraceSearch();
  return (
    <div className="space-y-4">
      {/* Keyed by the URL state: going back or following a link resets the fields to it. */}
      <SearchForm key={JSON.stringify(search)} value={search} onSearch={setSearch} />
      {search.service ? <TraceResults search={search} /> : <p className="text-sm text-slate-500">Choose a service and find its traces.</p>}
    </div>
  );
}
