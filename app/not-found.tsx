import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-slate-600">
        There is no page at this address. <Link className="text-blue-700 underline" href="/">Back to the overview</Link>.
      </p>
    </div>
  );
}
