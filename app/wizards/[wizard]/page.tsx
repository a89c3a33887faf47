import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { WizardPage } from "@/components/wizards/wizard-page";
import { wizardName } from "@/lib/wizards/api";
import { WIZARD_TITLES } from "@/lib/wizards/links";

type Params = Promise<{ wizard: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const w = wizardName.safeParse((await params).wizard);
  return { title: w.success ? `${WIZARD_TITLES[w.data]} · Meshscope` : "Wizard · Meshscope" };
}

export default async function Wizard({ params, searchParams }: { params: Params; searchParams: Search }) {
  const w = wizardName.safeParse((await params).wizard);
  if (!w.success) notFound();
  const q = await searchParams;
  return (
    <Suspense>
      <WizardPage wizard={w.data} query={{ namespace: one(q.namespace), service: one(q.service), workload: one(q.workload) }} />
    </Suspense>
  );
}
