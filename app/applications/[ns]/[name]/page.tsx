import { Suspense } from "react";
import { AppDetailView } from "@/components/inventory/detail/app-detail";

export default async function ApplicationPage({ params }: { params: Promise<{ ns: string; name: string }> }) {
  const { ns, name } = await params;
  return (
    <Suspense>
      <AppDetailView namespace={decodeURIComponent(ns)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
