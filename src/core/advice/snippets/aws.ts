/**
 * AWS: API Gateway HTTP API CorsConfiguration, REST API gateway responses (errors API Gateway writes
 * itself), and an S3 bucket CorsConfiguration, as CloudFormation / SAM YAML.
 */
import { yamlString } from './escape';
import type { SnippetBuilder } from './model';

// S3 CORS rules accept only these methods.
const S3_METHODS = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'];

const items = (indent: string, values: readonly string[]): string[] => values.map((v) => `${indent}- ${yamlString(v)}`);

export const awsSnippet: SnippetBuilder = (input) => {
  // Gateway response values are static mapping expressions: a string inside single quotes.
  const staticValue = (value: string): string => yamlString(`'${value}'`);
  const gatewayResponse = (id: string, type: string): string[] => [
    `${id}:`,
    '  Type: AWS::ApiGateway::GatewayResponse',
    '  Properties:',
    '    RestApiId: !Ref RestApi',
    `    ResponseType: ${type}`,
    '    ResponseParameters:',
    `      gatewayresponse.header.Access-Control-Allow-Origin: ${staticValue(input.origin)}`,
    ...(input.credentials ? [`      gatewayresponse.header.Access-Control-Allow-Credentials: ${staticValue('true')}`] : []),
    ...(input.anyOrigin ? [] : [`      gatewayresponse.header.Vary: ${staticValue('Origin')}`]),
  ];
  const s3Methods = input.methods.filter((m) => S3_METHODS.includes(m));
  const code = [
    '# CloudFormation / SAM fragments: keep the ones that match how the resource is served.',
    '',
    '# HTTP API (API Gateway v2): API Gateway answers preflights itself from this configuration.',
    'HttpApi:',
    '  Type: AWS::ApiGatewayV2::Api',
    '  Properties:',
    '    Name: my-api',
    '    ProtocolType: HTTP',
    '    CorsConfiguration:',
    '      AllowOrigins:',
    ...items('        ', [input.origin]),
    '      AllowMethods:',
    ...items('        ', input.methods),
    ...(input.headers.length > 0 ? ['      AllowHeaders:', ...items('        ', input.headers)] : []),
    ...(input.credentials ? ['      AllowCredentials: true'] : []),
    ...(input.expose.length > 0 ? ['      ExposeHeaders:', ...items('        ', input.expose)] : []),
    ...(input.preflight ? [`      MaxAge: ${input.maxAge}`] : []),
    '',
    '# REST API (API Gateway v1): errors written by API Gateway itself (authorizer 401/403, 429, 502, 504)',
    '# carry only the headers set in gateway responses.',
    ...gatewayResponse('Default4xxCors', 'DEFAULT_4XX'),
    ...gatewayResponse('Default5xxCors', 'DEFAULT_5XX'),
    '',
    '# S3 bucket serving the files directly.',
    'AssetsBucket:',
    '  Type: AWS::S3::Bucket',
    '  Properties:',
    '    CorsConfiguration:',
    '      CorsRules:',
    '        - AllowedOrigins:',
    ...items('            ', [input.origin]),
    '          AllowedMethods:',
    ...items('            ', s3Methods.length > 0 ? s3Methods : ['GET']),
    ...(input.headers.length > 0 ? ['          AllowedHeaders:', ...items('            ', input.headers)] : []),
    ...(input.expose.length > 0 ? ['          ExposedHeaders:', ...items('            ', input.expose)] : []),
    ...(input.preflight ? [`          MaxAge: ${input.maxAge}`] : []),
  ].join('\n');
  return {
    language: 'yaml',
    code,
    pitfalls: [
      {
        text: 'API Gateway writes some errors itself (a Lambda authorizer\'s 401/403, throttling 429, integration timeout 504, a missing route 403): these come without CORS headers unless the DEFAULT_4XX / DEFAULT_5XX gateway responses add them, so the browser shows a CORS error instead.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: 'REST API with Lambda proxy integration: API Gateway adds nothing; the function must return the CORS headers on every response, errors included, and the OPTIONS method needs its own (mock) integration or "Enable CORS".',
        topics: ['missing-origin', 'preflight-status'],
      },
      {
        text: 'An authorizer (or API key requirement) on the OPTIONS method rejects the preflight, which never carries credentials: leave OPTIONS unauthenticated.',
        topics: ['preflight-status'],
      },
      {
        text: 'HTTP API with CorsConfiguration: API Gateway replaces the CORS headers your integration returns; configure CORS in one place only.',
        topics: ['duplicate-origin'],
      },
      {
        text: 'S3 AllowedOrigins are compared exactly ("https://app.example/" never matches; one "*" wildcard is allowed per origin); S3 sends no CORS headers at all when no rule matches the Origin, method and headers.',
        topics: ['origin-mismatch', 'missing-origin', 'headers', 'methods'],
      },
      {
        text: 'CloudFront in front of S3 or API Gateway must forward the Origin header (and the Access-Control-Request-* headers) and cache per Origin, or it serves one origin\'s answer, or none, to everyone.',
        topics: ['cache', 'missing-origin', 'origin-mismatch'],
      },
      {
        text: 'HTTP API: AllowCredentials: true cannot be combined with AllowOrigins "*"; list the origins.',
        topics: ['credentials'],
      },
    ],
  };
};
