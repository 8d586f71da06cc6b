/**
 * Function-name normalisation, so that one bug gives one signature across builds, compilers and
 * platforms: no arguments, no return type, template arguments collapsed to `<T>`, no Rust hash.
 * Follows Socorro's CSignatureTool.normalize_cpp_function / normalize_rust_function
 * (socorro/signature/rules.py); differences are noted where they are.
 */
import type { PatternMatcher } from './siglists.js';
import { dropPrefixAndReturnType, replaceEnclosed } from './enclosed.js';
import { SIGNATURE_LIMITS } from './limits.js';

/** Trailing cv/ref qualifiers of member functions (`value() const &`). */
const QUALIFIERS = ['const&', 'const', '&&', '&'] as const;
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;

/**
 * Drops trailing qualifiers until none is left. Socorro makes one pass; a name like
 * `Maybe<T>::value() const &` needs two, or `const` would be taken for the function name. A
 * qualifier must not be the end of an identifier (`make_const`) or an operator (`operator&`).
 */
function dropQualifiers(fn: string): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const q of QUALIFIERS) {
      if (!fn.endsWith(q)) continue;
      const rest = fn.slice(0, fn.length - q.length);
      if (q === 'const' && rest !== '' && IDENTIFIER_CHAR.test(rest[rest.length - 1]!)) continue;
      if (rest.trimEnd().endsWith('operator')) continue;
      fn = rest.trim();
      changed = true;
      break;
    }
  }
  return fn;
}

function collapseCppTypes(fn: string): string {
  return replaceEnclosed(fn, '<', '>', (before, inside) => {
    // `<name omitted>` (a symbol server placeholder) and `<unknown in foo.dll>` stay as they are.
    if (inside === '<name omitted>' || inside.includes(' as ') || inside.includes(' in ')) return inside;
    // IPC::ParamTraits<X> names the serialised type, which is what tells such crashes apart.
    if (before.endsWith('IPC::ParamTraits')) return `<${collapseCppTypes(inside.slice(1, -1))}>`;
    return '<T>';
  });
}

function collapseRustTypes(fn: string): string {
  // Trait implementations `<A as B>::method` keep their types: they are the method's identity.
  return replaceEnclosed(fn, '<', '>', (_before, inside) => (inside.includes(' as ') ? inside : '<T>'));
}

function collapseArguments(fn: string, keepAnonymousNamespace: boolean): string {
  return replaceEnclosed(fn, '(', ')', (_before, inside) =>
    keepAnonymousNamespace && inside === '(anonymous namespace)' ? inside : '',
  );
}

function withLineNumber(fn: string, line: number | string | null | undefined, lineNumbers: PatternMatcher): string {
  if (!lineNumbers.test(fn)) return fn;
  // Socorro writes Python's `None` when the line is missing; Culprit leaves the suffix off.
  return line === undefined || line === null || line === '' ? fn : `${fn}:${line}`;
}

/** Spaces before `*`, `&` and `,` go; a comma is followed by one space. */
function fixSpacing(fn: string): string {
  return fn.replace(/ (?=[*&,])/g, '').replace(/,(?! )/g, ', ');
}

export function normalizeCppFunction(function_: string, line: number | string | null | undefined, lineNumbers: PatternMatcher): string {
  let fn = dropQualifiers(function_.slice(0, SIGNATURE_LIMITS.functionChars));
  // Operator overloads (`Heap<T>::operator JSObject* const &()`) have no return type to drop, and
  // their spaces are part of the name.
  if (!fn.includes('::operator')) fn = dropPrefixAndReturnType(fn);
  // MSVC spells it `anonymous namespace', GCC and Clang (anonymous namespace).
  fn = fn.replaceAll("`anonymous namespace'", '(anonymous namespace)');
  // Clang numbers lambdas per translation unit ($_52); the number changes between builds.
  fn = fn.replace(/::\$_\d+::/g, '::$::');
  fn = collapseCppTypes(fn);
  fn = collapseArguments(fn, true);
  // GCC's PGO split blocks: `f [clone .cold.222]`.
  if (fn.includes('clone .cold')) fn = replaceEnclosed(fn, '[', ']', () => '').trim();
  fn = withLineNumber(fn, line, lineNumbers);
  return fixSpacing(fn);
}

export function normalizeRustFunction(function_: string, line: number | string | null | undefined, lineNumbers: PatternMatcher): string {
  let fn = dropPrefixAndReturnType(function_.slice(0, SIGNATURE_LIMITS.functionChars));
  fn = collapseRustTypes(fn);
  fn = collapseArguments(fn, false);
  fn = withLineNumber(fn, line, lineNumbers);
  fn = fixSpacing(fn);
  // Legacy Rust mangling ends paths with a per-build hash: `expect_failed::h7f635057bfba806a`.
  return fn.replace(/::h[0-9a-fA-F]+$/, '');
}
