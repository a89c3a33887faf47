/** The fields of a Kubernetes Service that rules read, parsed leniently (see ./common). */
import { z } from "zod";
import { labelMap, list, opt } from "./common";

const servicePort = z.object({
  name: opt(z.string()),
  port: opt(z.number()),
  protocol: opt(z.string()),
  appProtocol: opt(z.string()),
});
export type ServicePort = z.output<typeof servicePort>;

export const serviceSpec = z.object({ selector: labelMap, ports: list(servicePort, {}), type: opt(z.string()) }).catch({});
export type ServiceSpec = z.output<typeof serviceSpec>;
