import { route } from "@/server/http/route";
import { telemetry } from "@/server/telemetry";

export const dynamic = "force-dynamic";

/** The console's own metrics in the Prometheus text format. */
export const GET = route("/metrics", async () => {
  const { registry } = telemetry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
});
