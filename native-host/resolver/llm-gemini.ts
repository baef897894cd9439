/** Level 2 fallback: Gemini 2.0 Flash with a JSON response type. Skipped cleanly without a key. */
import type { GenerativeModel } from '@google/generative-ai';
import { SYSTEM_PROMPT, parseAnswer, saneAgainstInput, userPrompt, type LlmProvider } from './llm.js';
import type { ResolverLog } from './types.js';
import { LIMITS } from '../limits.js';

export interface GeminiOptions {
  apiKey: string | null | undefined;
  /** NEXSTREAM_GEMINI_BASE_URL; default https://generativelanguage.googleapis.com. */
  baseUrl?: string | null;
  timeoutMs?: number;
  log?: ResolverLog;
}

export function geminiProvider(o: GeminiOptions): LlmProvider | null {
  if (!o.apiKey) return null;
  const apiKey = o.apiKey;
  // Imported on first use, not at host start (download/probe never need it).
  let model: Promise<GenerativeModel> | null = null;
  const getModel = (): Promise<GenerativeModel> =>
    (model ??= import('@google/generative-ai').then(({ GoogleGenerativeAI }) =>
      new GoogleGenerativeAI(apiKey).getGenerativeModel(
        {
          model: 'gemini-2.0-flash',
          systemInstruction: SYSTEM_PROMPT,
          generationConfig: { responseMimeType: 'application/json', temperature: 0, maxOutputTokens: 200 },
        },
        { baseUrl: o.baseUrl ?? undefined, timeout: o.timeoutMs ?? LIMITS.slowProviderMs },
      ),
    ));
  return async (text, signal) => {
    try {
      const res = await (await getModel()).generateContent(userPrompt(text), { signal });
      const answer = parseAnswer(res.response.text());
      if (!answer) o.log?.({ level: 'warn', event: 'llm.bad_answer', provider: 'gemini' });
      else if (!saneAgainstInput(answer, text)) o.log?.({ level: 'warn', event: 'llm.rejected', provider: 'gemini', why: 'names a different song' });
      else return answer;
    } catch (e) {
      // The SDK puts the URL in some messages; the key travels in a header, not the URL.
      o.log?.({ level: 'warn', event: 'llm.error', provider: 'gemini', error: e instanceof Error ? e.message.slice(0, 200) : 'error' });
    }
    return null;
  };
}
