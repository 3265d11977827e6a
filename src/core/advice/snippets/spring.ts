/** Spring (Spring MVC / Boot with Spring Security): a CorsConfigurationSource bean used by `http.cors()`. */
import { javaString } from './escape';
import type { SnippetBuilder } from './model';

const list = (values: readonly string[]): string => `List.of(${values.map(javaString).join(', ')})`;

export const springSnippet: SnippetBuilder = (input) => {
  const settings = [
    // An exact origin (never "*" with credentials: that throws since Spring 5.3, see pitfalls).
    `        config.setAllowedOrigins(${list([input.origin])});`,
    `        config.setAllowedMethods(${list(input.methods)});`,
    ...(input.headers.length > 0 ? [`        config.setAllowedHeaders(${list(input.headers)});`] : []),
    ...(input.credentials ? ['        config.setAllowCredentials(true);'] : []),
    ...(input.expose.length > 0 ? [`        config.setExposedHeaders(${list(input.expose)});`] : []),
    ...(input.preflight ? [`        config.setMaxAge(${input.maxAge}L);`] : []),
  ];
  const code = [
    'import java.util.List;',
    'import org.springframework.context.annotation.Bean;',
    'import org.springframework.context.annotation.Configuration;',
    'import org.springframework.security.config.Customizer;',
    'import org.springframework.security.config.annotation.web.builders.HttpSecurity;',
    'import org.springframework.security.web.SecurityFilterChain;',
    'import org.springframework.web.cors.CorsConfiguration;',
    'import org.springframework.web.cors.CorsConfigurationSource;',
    'import org.springframework.web.cors.UrlBasedCorsConfigurationSource;',
    '',
    '@Configuration',
    'public class CorsConfig {',
    '',
    '    @Bean',
    '    CorsConfigurationSource corsConfigurationSource() {',
    '        CorsConfiguration config = new CorsConfiguration();',
    ...settings,
    '        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    '        source.registerCorsConfiguration("/**", config);',
    '        return source;',
    '    }',
    '',
    '    // With Spring Security: .cors() makes the filter chain use the source above and let preflights',
    '    // through before authentication.',
    '    @Bean',
    '    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {',
    '        http.cors(Customizer.withDefaults());',
    '        // ... your authorizeHttpRequests(...) rules',
    '        return http.build();',
    '    }',
    '}',
  ].join('\n');
  return {
    language: 'java',
    code,
    pitfalls: [
      {
        text: 'With Spring Security, CORS configured only in WebMvcConfigurer or @CrossOrigin is not enough: security runs first and answers the preflight with 401/403. Add http.cors(...) so the CorsFilter runs before authentication.',
        topics: ['preflight-status', 'missing-origin', 'error-status'],
      },
      {
        text: 'Since Spring 5.3, allowedOrigins("*") with allowCredentials(true) throws IllegalArgumentException; use allowedOriginPatterns (or list the origins).',
        topics: ['credentials'],
      },
      {
        text: 'Spring rejects a preflight whose method or header is not allowed with 403 "Invalid CORS request" (no CORS headers): check allowedMethods and allowedHeaders. A new CorsConfiguration allows no headers until you set them.',
        topics: ['preflight-status', 'methods', 'headers', 'missing-origin'],
      },
      {
        text: 'Authentication failures (401 from an entry point) and errors from /error get CORS headers only when the CorsFilter runs before them, i.e. with http.cors().',
        topics: ['error-status'],
      },
      {
        text: 'Allowed origins are compared exactly (a trailing slash never matches); @CrossOrigin(origins = ...) on a controller follows the same rules.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'A gateway or proxy in front that also adds Access-Control-Allow-Origin produces two values: keep CORS in one layer (Spring Cloud Gateway: DedupeResponseHeader).',
        topics: ['duplicate-origin'],
      },
    ],
  };
};
