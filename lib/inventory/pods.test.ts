import { describe, expect, it } from "vitest";
import { toPodInfo } from "./pods";

describe("toPodInfo", () => {
  it("lists containers with their state, flags the proxy, sums restarts and hides finished init containers", () => {
    const p = toPodInfo(
      {
        metadata: { namespace: "shop", name: "cart-v1-x", labels: { app: "cart" }, creationTimestamp: new Date("2025-01-01T00:00:00Z") },
        spec: {
          nodeName: "node-1",
          initContainers: [{ name: "istio-init", image: "proxyv2" }],
          containers: [
            { name: "cart", image: "cart:1" },
            { name: "istio-proxy", image: "proxyv2" },
          ],
        },
        status: {
          phase: "Running",
          podIP: "10.0.0.5",
          conditions: [{ type: "Ready", status: "False" }],
          initContainerStatuses: [{ name: "istio-init", image: "proxyv2", imageID: "", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }],
          containerStatuses: [
            { name: "cart", image: "cart:1", imageID: "", ready: false, restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } } },
            { name: "istio-proxy", image: "proxyv2", imageID: "", ready: true, restartCount: 0, state: { running: {} } },
          ],
        },
      },
      "cart-v1",
    );
    expect(p).toMatchObject({ name: "cart-v1-x", phase: "Running", ready: false, restarts: 3, ip: "10.0.0.5", node: "node-1", workload: "cart-v1", sidecar: true, created: "2025-01-01T00:00:00.000Z" });
    expect(p.containers).toEqual([
      { name: "cart", image: "cart:1", ready: false, restartCount: 3, state: "waiting", reason: "CrashLoopBackOff", proxy: false, init: false },
      { name: "istio-proxy", image: "proxyv2", ready: true, restartCount: 0, state: "running", proxy: true, init: false },
    ]);
  });
});
