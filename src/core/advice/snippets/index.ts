/** One snippet per stack, tailored to this request, the chosen or detected stack first. */
import type { Verdict } from '../../types';
import type { CorsNeeds } from '../request-facts';
import { stackName, stacksWithFirst } from '../stacks';
import type { StackId, StackSnippet } from '../types';
import { apacheSnippet } from './apache';
import { aspnetSnippet } from './aspnet';
import { awsSnippet } from './aws';
import { caddySnippet } from './caddy';
import { cloudflareSnippet } from './cloudflare';
import { djangoSnippet } from './django';
import { expressSnippet } from './express';
import { fastapiSnippet } from './fastapi';
import { goRsCorsSnippet } from './go-rs-cors';
import { rankPitfalls, snippetInput, verdictTopics, type SnippetBuilder } from './model';
import { nginxSnippet } from './nginx';
import { rackCorsSnippet } from './rack-cors';
import { springSnippet } from './spring';

const BUILDERS: Record<StackId, SnippetBuilder> = {
  express: expressSnippet,
  nginx: nginxSnippet,
  apache: apacheSnippet,
  caddy: caddySnippet,
  'rack-cors': rackCorsSnippet,
  django: djangoSnippet,
  spring: springSnippet,
  aspnet: aspnetSnippet,
  fastapi: fastapiSnippet,
  'go-rs-cors': goRsCorsSnippet,
  aws: awsSnippet,
  cloudflare: cloudflareSnippet,
};

export function buildSnippets(needs: CorsNeeds, verdict: Verdict, first: StackId | null): StackSnippet[] {
  const input = snippetInput(needs);
  const topics = verdictTopics(verdict);
  return stacksWithFirst(first).map((stack) => {
    const body = BUILDERS[stack](input);
    return { stack, name: stackName(stack), language: body.language, code: body.code, pitfalls: rankPitfalls(body.pitfalls, topics) };
  });
}
