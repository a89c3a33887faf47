/**
 * Starting points for a new object of each kind: small, valid, and commented where a value must be
 * changed. `{{namespace}}` is replaced with the namespace it is created in.
 */
import type { IstioKey } from "./kinds";

const TEMPLATES: Record<IstioKey, string> = {
  virtualservices: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: my-service
  namespace: {{namespace}}
spec:
  hosts:
    - my-service # the Service this routes (short names are completed with the namespace)
  http:
    - route:
        - destination:
            host: my-service
            subset: v1
          weight: 90
        - destination:
            host: my-service
            subset: v2
          weight: 10
`,
  destinationrules: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: my-service
  namespace: {{namespace}}
spec:
  host: my-service
  subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
`,
  gateways: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: my-gateway
  namespace: {{namespace}}
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
        - "example.com"
`,
  serviceentries: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: external-api
  namespace: {{namespace}}
spec:
  hosts:
    - api.example.com
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: 443
      name: https
      protocol: TLS
`,
  sidecars: `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: {{namespace}}
spec:
  egress:
    - hosts:
        - "./*"
        - "istio-system/*"
`,
  peerauthentications: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: {{namespace}}
spec:
  mtls:
    mode: STRICT
`,
  authorizationpolicies: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-frontend
  namespace: {{namespace}}
spec:
  selector:
    matchLabels:
      app: my-service
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
              - cluster.local/ns/{{namespace}}/sa/frontend
      to:
        - operation:
            methods: ["GET"]
`,
  requestauthentications: `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
  namespace: {{namespace}}
spec:
  selector:
    matchLabels:
      app: my-service
  jwtRules:
    - issuer: "https://issuer.example.com"
      jwksUri: "https://issuer.example.com/.well-known/jwks.json"
`,
};

/** The template of a kind, for a namespace. */
export function templateFor(key: IstioKey, namespace: string): string {
  return TEMPLATES[key].replaceAll("{{namespace}}", namespace);
}
