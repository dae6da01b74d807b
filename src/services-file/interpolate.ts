// Compose's interpolation of one value of a services file (the Compose file
// reference, "Interpolation"): $NAME and ${NAME} stand for the variable's
// value; ${NAME:-default} and ${NAME-default} give a default when it is unset
// or empty / unset; ${NAME:?message} and ${NAME?message} make that an error;
// ${NAME:+other} and ${NAME+other} give `other` when it is set and not empty /
// set; what follows an operator is interpolated too (nested, as Compose does).
// $$ is one literal $, and a $ that starts no name nor ${ stays as it is. A
// ${ that is none of these forms (${}, ${9}, ${A/b/c}, no closing brace) is an
// error, as in Compose. Inside a container the variables are the container's:
// the init's own environment stands where Compose reads the shell's.
// A default is only interpolated when it is used (as a shell does), so a
// variable it names is not reported unset when the default is not taken.

/** A variable's value, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

/** The variables of `environment` (its own names only: not "constructor", say). */
export function lookupIn(environment: NodeJS.ProcessEnv): Lookup {
  return (name) => (Object.hasOwn(environment, name) ? environment[name] : undefined);
}

/** What a warning says of a variable that is not set. */
export const unsetMessage = (name: string): string => `the variable ${name} is not set: it stands for an empty string`;

export type Interpolated = { readonly text: string; readonly unset: readonly string[] } | { readonly error: string };

const NAME = /^[_A-Za-z][_A-Za-z0-9]*/;
/** Two-character operators first: ":-" is not "-" after a colon. */
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

class Refused {
  constructor(readonly message: string) {}
}

/** The index of the brace that closes the ${ at `start`, counting the ${ nested in it; -1 when none does. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text.startsWith('$$', i)) i++;
    else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

export function interpolate(text: string, lookup: Lookup): Interpolated {
  const unset: string[] = [];
  const valueOf = (name: string): string => {
    const value = lookup(name);
    if (value === undefined && !unset.includes(name)) unset.push(name);
    return value ?? '';
  };

  const braced = (expression: string): string => {
    const name = NAME.exec(expression)?.[0];
    if (name === undefined) throw new Refused(`\${${expression}} names no variable`);
    const rest = expression.slice(name.length);
    if (rest === '') return valueOf(name);
    const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (operator === undefined) throw new Refused(`\${${expression}} is no form Compose knows (\${${name}}, with :-, -, :?, ?, :+ or +)`);
    const operand = rest.slice(operator.length);
    const value = lookup(name);
    const set = value !== undefined;
    const filled = set && value !== '';
    switch (operator) {
      case ':-':
        return filled ? value : expand(operand);
      case '-':
        return set ? value : expand(operand);
      case ':+':
        return filled ? expand(operand) : '';
      case '+':
        return set ? expand(operand) : '';
      case ':?':
      case '?': {
        if (operator === ':?' ? filled : set) return value!;
        const message = expand(operand);
        throw new Refused(`the variable ${name} is ${set ? 'empty' : 'not set'}${message === '' ? '' : `: ${message}`}`);
      }
    }
  };

  const expand = (part: string): string => {
    let out = '';
    let from = 0;
    for (let at = part.indexOf('$'); at !== -1; at = part.indexOf('$', from)) {
      out += part.slice(from, at);
      const next = part[at + 1];
      if (next === '$') {
        out += '$';
        from = at + 2;
      } else if (next === '{') {
        const close = closingBrace(part, at);
        if (close === -1) throw new Refused(`${part.slice(at)} has no closing }`);
        out += braced(part.slice(at + 2, close));
        from = close + 1;
      } else {
        const name = NAME.exec(part.slice(at + 1))?.[0];
        if (name === undefined) {
          out += '$';
          from = at + 1;
        } else {
          out += valueOf(name);
          from = at + 1 + name.length;
        }
      }
    }
    return out + part.slice(from);
  };

  try {
    return { text: expand(text), unset };
  } catch (error) {
    if (error instanceof Refused) return { error: error.message };
    throw error;
  }
}
