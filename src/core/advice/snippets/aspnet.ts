/** ASP.NET Core: AddCors with a named policy, UseCors between UseRouting and UseAuthentication. */
import { csString } from './escape';
import type { SnippetBuilder } from './model';

const args = (values: readonly string[]): string => values.map(csString).join(', ');

export const aspnetSnippet: SnippetBuilder = (input) => {
  const policy = [
    // AllowAnyOrigin() together with AllowCredentials() throws; WithOrigins compares exactly.
    input.anyOrigin ? '        .AllowAnyOrigin()' : `        .WithOrigins(${args([input.origin])})`,
    `        .WithMethods(${args(input.methods)})`,
    ...(input.headers.length > 0 ? [`        .WithHeaders(${args(input.headers)})`] : []),
    ...(input.credentials ? ['        .AllowCredentials()'] : []),
    ...(input.expose.length > 0 ? [`        .WithExposedHeaders(${args(input.expose)})`] : []),
    ...(input.preflight ? [`        .SetPreflightMaxAge(TimeSpan.FromSeconds(${input.maxAge}))`] : []),
  ];
  const last = policy.length - 1;
  policy[last] = `${policy[last] ?? ''});`;
  const code = [
    'var builder = WebApplication.CreateBuilder(args);',
    '',
    'builder.Services.AddCors(options =>',
    '{',
    '    options.AddPolicy("CorsLens", policy => policy',
    ...policy,
    '});',
    '',
    'var app = builder.Build();',
    '',
    'app.UseRouting();',
    '// After UseRouting, before UseAuthentication/UseAuthorization: preflights and 401s get CORS headers.',
    'app.UseCors("CorsLens");',
    'app.UseAuthentication();',
    'app.UseAuthorization();',
    '',
    'app.MapControllers();',
    'app.Run();',
  ].join('\n');
  return {
    language: 'csharp',
    code,
    pitfalls: [
      {
        text: 'UseCors must sit after UseRouting and before UseAuthentication / UseAuthorization. Placed later, the preflight is rejected by auth, and a JWT 401 challenge goes out without CORS headers.',
        topics: ['preflight-status', 'error-status', 'missing-origin'],
      },
      {
        text: 'With endpoint routing, [EnableCors] or RequireCors("policy") on endpoints needs UseCors() in the pipeline too; without it no CORS headers are written.',
        topics: ['missing-origin'],
      },
      {
        text: 'AllowAnyOrigin() with AllowCredentials() is rejected ("The CORS protocol does not allow specifying a wildcard (any) origin and credentials at the same time"): use WithOrigins(...) or SetIsOriginAllowed with a real check.',
        topics: ['credentials'],
      },
      {
        text: 'WithOrigins values must not end with a slash: "https://app.example/" never matches.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'When the origin, method or a header is not allowed, the middleware answers the preflight with a success status but without the CORS headers, so the browser reports a missing Access-Control-Allow-Origin; the log line "CORS policy execution failed" says which.',
        topics: ['missing-origin', 'methods', 'headers'],
      },
      {
        text: 'Unhandled exceptions handled by UseExceptionHandler re-run the pipeline; a developer exception page or IIS error page may still lack CORS headers.',
        topics: ['error-status'],
      },
      {
        text: 'IIS in front with its own CORS module or customHeaders adds a second Access-Control-Allow-Origin: keep CORS in one layer.',
        topics: ['duplicate-origin'],
      },
    ],
  };
};
