/**
 * TLS material of the demo API server: a self-signed CA and a server certificate for the loopback
 * addresses and the host it listens on, made with the `openssl` CLI (no pure-JS X.509 dependency).
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { isIP } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** PEM-encoded CA certificate, server certificate and server key. */
export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** True when the openssl CLI can be run. */
export async function opensslAvailable(): Promise<boolean> {
  try {
    await run("openssl", ["version"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Generates a CA and a server certificate (ECDSA P-256) into `dir`.
 * @param hosts extra names or IPs the certificate must be valid for
 */
export async function generateTls(dir: string, hosts: string[] = []): Promise<TlsMaterial> {
  await mkdir(dir, { recursive: true });
  const file = (name: string): string => path.join(dir, name);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  await run("openssl", [
    "req", "-x509", ...ec, "-keyout", file("ca.key"), "-out", file("ca.crt"), "-days", "3650",
    "-subj", "/CN=meshscope-demo-ca",
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  await run("openssl", ["req", "-new", ...ec, "-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=meshscope-demo-apiserver"]);
  const names = new Set(["localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "127.0.0.1", "::1", ...hosts]);
  const san = [...names]
    .filter((h) => h && h !== "0.0.0.0" && h !== "::")
    .map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`))
    .join(",");
  await writeFile(file("server.ext"), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n`);
  await run("openssl", [
    "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.crt"), "-CAkey", file("ca.key"), "-CAcreateserial",
    "-out", file("server.crt"), "-days", "825", "-extfile", file("server.ext"),
  ]);
  const [caPem, certPem, keyPem] = await Promise.all([file("ca.crt"), file("server.crt"), file("server.key")].map((f) => readFile(f, "utf8")));
  return { caPem: caPem ?? "", certPem: certPem ?? "", keyPem: keyPem ?? "" };
}
