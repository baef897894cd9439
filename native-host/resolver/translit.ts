/**
 * Consonant skeletons so an artist name can be compared across writing systems
 * ("Tuna" ~ "טונה", "Noa Kirel" ~ "נועה קירל", "Potap" ~ "Потап", "Amr Diab" ~ "عمرو دياب",
 * "Paparizou" ~ "Παπαρίζου"). Vowels are dropped because Hebrew and Arabic mostly omit them;
 * similar-sounding consonants share one class.
 */
import { fold } from './normalize.js';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu',
  я: 'ya', і: 'i', ї: 'i', є: 'e', ґ: 'g',
};

// Hebrew letters that usually stand for vowels (or are silent) are dropped: א ה ו י ע.
const HEBREW: Record<string, string> = {
  ב: 'b', ג: 'g', ד: 'd', ז: 's', ח: 'k', ט: 't', כ: 'k', ך: 'k', ל: 'l', מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', פ: 'p', ף: 'p',
  צ: 's', ץ: 's', ק: 'k', ר: 'r', ש: 's', ת: 't', א: '', ה: '', ו: '', י: '', ע: '',
};

// Arabic: long vowels, hamza forms and silent letters are dropped like Hebrew's.
const ARABIC: Record<string, string> = {
  ب: 'b', ت: 't', ث: 's', ج: 'j', ح: '', خ: 'kh', د: 'd', ذ: 'z', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z',
  غ: 'g', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: '', ع: '', ا: '', أ: '', إ: '', آ: '', ء: '', ؤ: '', ئ: '', و: '', ي: '', ى: '', ة: '',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

function latinSkeleton(latin: string): string {
  return latin
    .replace(/ch|kh|ck/g, 'k')
    // A soft c ("Nancy", "Cecilia") sounds like s.
    .replace(/c(?=[eiy])/g, 's')
    .replace(/sh|tz|ts|zh/g, 's')
    .replace(/ph/g, 'p')
    .replace(/th/g, 't')
    .replace(/[aeiouyhw\s]/g, '')
    .replace(/[cqk]/g, 'k')
    .replace(/[vb]/g, 'b')
    .replace(/[fp]/g, 'p')
    .replace(/[zsx]/g, 's')
    .replace(/j/g, 'g')
    .replace(/(.)\1+/g, '$1');
}

/** The consonant skeleton of a name in Latin, Cyrillic, Hebrew, Arabic or Greek script ('' when it has none). */
export function skeleton(name: string): string {
  const f = fold(name);
  let latin = '';
  for (const ch of f) {
    if (ch in HEBREW) latin += HEBREW[ch] ?? '';
    else if (ch in CYRILLIC) latin += CYRILLIC[ch] ?? '';
    else if (ch in ARABIC) latin += ARABIC[ch] ?? '';
    else if (ch in GREEK) latin += GREEK[ch] ?? '';
    else if (/[a-z ]/.test(ch)) latin += ch;
  }
  return latinSkeleton(latin);
}

/** Same name written in two scripts? Needs at least two consonants to say so. */
export function sameNameAcrossScripts(a: string, b: string): boolean {
  const x = skeleton(a);
  return x.length >= 2 && x === skeleton(b);
}
