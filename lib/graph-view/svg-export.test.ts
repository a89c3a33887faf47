import { describe, expect, it } from "vitest";
import { sceneToSvg, xmlEscape, type SvgScene } from "./svg-export";

const scene: SvgScene = {
  bounds: { x1: -30, y1: -40, x2: 330, y2: 120 },
  groups: [{ label: "bookinfo", x1: -30, y1: -40, x2: 330, y2: 120 }],
  nodes: [
    { x: 0, y: 0, width: 40, height: 40, shape: "app", label: "productpage\nv1", fill: "rgb(255,255,255)", border: "rgb(63,156,53)", borderWidth: 3, dashed: false },
    { x: 150, y: 0, width: 36, height: 34, shape: "service", label: "reviews", fill: "#fff", border: "#ec7a08", borderWidth: 3, dashed: false, found: true },
    { x: 300, y: 80, width: 40, height: 40, shape: "workload", label: "<db & co>", fill: "#fff", border: "#8a8d90", borderWidth: 3, dashed: true },
  ],
  edges: [
    { start: { x: 20, y: 0 }, mid: { x: 75, y: 0 }, end: { x: 130, y: 0 }, colour: "#6b7280", width: 3, label: "4.33 rps", dashed: false, mtls: "full" },
    { start: { x: 170, y: 10 }, mid: { x: 230, y: 60 }, end: { x: 280, y: 80 }, colour: "#c9190b", width: 2, label: "", dashed: true, mtls: "none" },
  ],
};

describe("sceneToSvg", () => {
  const svg = sceneToSvg(scene);

  it("is a standalone SVG document sized to the graph with a margin", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-50 -60 400 200" width="400" height="200">')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>Meshscope service graph</title>");
  });

  it("draws the namespace box, each node by its shape and multi-line labels", () => {
    expect(svg).toContain('<rect x="-30" y="-40" width="360" height="160" rx="8"');
    expect(svg).toContain(">bookinfo</tspan>");
    expect(svg).toMatch(/<rect x="-20" y="-20" width="40" height="40" rx="7" fill="rgb\(255,255,255\)" stroke="rgb\(63,156,53\)"/);
    expect(svg).toContain('<polygon points="150,-17 168,17 132,17"');
    expect(svg).toMatch(/<ellipse cx="300" cy="80" rx="20" ry="20" [^>]*stroke-dasharray="5 3"/);
    expect(svg).toContain('<tspan x="0" dy="0">productpage</tspan><tspan x="0" dy="13.2">v1</tspan>');
    expect(svg).toContain('fill="#7b2ff7" fill-opacity="0.35"');
  });

  it("draws edges as curves with arrowheads, labels and mTLS padlocks", () => {
    expect(svg).toContain('<path d="M20,0 Q75,0 130,0" fill="none" stroke="#6b7280" stroke-width="3"/>');
    expect(svg).toContain('<path d="M170,10 Q235,75 280,80"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg.match(/<polygon points="130,0 /g)).toHaveLength(1);
    expect(svg).toContain(">4.33 rps</tspan>");
    expect(svg.match(/<circle cx="[^"]+" cy="[^"]+" r="7.5"/g)).toHaveLength(1);
  });

  it("escapes text", () => {
    expect(svg).toContain("&lt;db &amp; co&gt;");
    expect(svg).not.toContain("<db");
    expect(xmlEscape(`"a'`)).toBe("&quot;a&apos;");
  });
});
