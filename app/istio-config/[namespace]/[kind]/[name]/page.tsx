import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ObjectEditor } from "@/components/istio-config/editor/object-editor";
import { istioKey } from "@/lib/istio-config/kinds";

/** The editor of one Istio object: `/istio-config/{namespace}/{kind}/{name}` (kind = resource key). */
export default async function IstioObjectPage({
  params,
  searchParams,
}: {
  params: Promise<{ namespace: string; kind: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { namespace, kind, name } = await params;
  const key = istioKey.safeParse(kind);
  if (!key.success) notFound();
  const created = (await searchParams).created === "1";
  return (
    <Suspense>
      <ObjectEditor target={{ namespace: decodeURIComponent(namespace), key: key.data, name: decodeURIComponent(name) }} created={created} />
    </Suspense>
  );
}
