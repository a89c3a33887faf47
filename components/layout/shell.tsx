import type { ReactNode } from "react";
import { Suspense } from "react";
import { NamespaceSelect } from "./namespace-select";
import { Nav } from "./nav";
import { RefreshPicker, WindowPicker } from "./pickers";
import { UpstreamBanner } from "./upstream-banner";

/** The frame every page shares: navigation, the namespace/window/refresh pickers, upstream alerts. */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="w-52 shrink-0 bg-slate-900">
        <div className="px-6 py-4 text-lg font-semibold tracking-tight text-white">Meshscope</div>
        <Suspense>
          <Nav />
        </Suspense>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
          <Suspense>
            <NamespaceSelect />
            <div className="ml-auto flex items-center gap-4">
              <WindowPicker />
              <RefreshPicker />
            </div>
          </Suspense>
        </header>
        <UpstreamBanner />
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
