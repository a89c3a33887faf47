import { Suspense } from "react";
import { NewObjectEditor } from "@/components/istio-config/editor/new-object-editor";

/** Creates an Istio object from a template: `/istio-config/new?kind=virtualservices&namespace=bookinfo`. */
export default function NewIstioObjectPage() {
  return (
    <Suspense>
      <NewObjectEditor />
    </Suspense>
  );
}
