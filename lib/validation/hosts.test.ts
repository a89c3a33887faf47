import { describe, expect, it } from "vitest";
import { hostCovers, hostSpecificity, hostsIntersect, isMeshWideHost, namespaceOfWildcard, resolveHost, serviceOfHost } from "./hosts";
import { istioMatch } from "./istio-match";

describe("host names", () => {
  it("completes short names with the object's namespace and the cluster domain, and nothing else", () => {
    expect(resolveHost("Reviews", "bookinfo", "cluster.local")).toBe("reviews.bookinfo.svc.cluster.local");
    expect(resolveHost("reviews.bookinfo", "shop", "cluster.local")).toBe("reviews.bookinfo");
    expect(resolveHost("*", "shop", "cluster.local")).toBe("*");
    expect(resolveHost("*.example.com", "shop", "cluster.local")).toBe("*.example.com");
    expect(resolveHost("reviews", "bookinfo", "corp.local")).toBe("reviews.bookinfo.svc.corp.local");
  });

  it("covers names under a wildcard, not the wildcard's own suffix", () => {
    expect(hostCovers("*.example.com", "a.example.com")).toBe(true);
    expect(hostCovers("*.example.com", "a.b.example.com")).toBe(true);
    expect(hostCovers("*.example.com", "example.com")).toBe(false);
    expect(hostCovers("*.example.com", "*.a.example.com")).toBe(true);
    expect(hostCovers("*.a.example.com", "*.example.com")).toBe(false);
    expect(hostCovers("*", "anything")).toBe(true);
    expect(hostCovers("a.example.com", "a.example.com")).toBe(true);
    expect(hostCovers("a.example.com", "*.example.com")).toBe(false);
  });

  it("intersects hosts in either direction", () => {
    expect(hostsIntersect("a.example.com", "*.example.com")).toBe(true);
    expect(hostsIntersect("*.example.com", "*.org")).toBe(false);
  });

  it("ranks exact names above long wildcards above short ones above *", () => {
    const ranked = ["*", "*.local", "*.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local"].map(hostSpecificity);
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
  });

  it("reads services, namespace-wide and mesh-wide patterns", () => {
    expect(serviceOfHost("reviews.bookinfo.svc.cluster.local", "cluster.local")).toEqual({ name: "reviews", namespace: "bookinfo" });
    expect(serviceOfHost("*.bookinfo.svc.cluster.local", "cluster.local")).toBeUndefined();
    expect(namespaceOfWildcard("*.bookinfo.svc.cluster.local", "cluster.local")).toBe("bookinfo");
    expect(namespaceOfWildcard("*.svc.cluster.local", "cluster.local")).toBeUndefined();
    expect(["*", "*.local", "*.cluster.local", "*.svc.cluster.local"].every((h) => isMeshWideHost(h, "cluster.local"))).toBe(true);
    expect(isMeshWideHost("*.bookinfo.svc.cluster.local", "cluster.local")).toBe(false);
  });
});

describe("AuthorizationPolicy value matching", () => {
  it("matches exactly, any, by prefix or by suffix", () => {
    expect(istioMatch("bookinfo", "bookinfo")).toBe(true);
    expect(istioMatch("*", "x")).toBe(true);
    expect(istioMatch("book*", "bookinfo")).toBe(true);
    expect(istioMatch("*info", "bookinfo")).toBe(true);
    expect(istioMatch("*info", "shop")).toBe(false);
    expect(istioMatch("book", "bookinfo")).toBe(false);
  });
});
