/** Country calling codes of one or two digits; every other code has three (ITU E.164 assignments). */
const ONE_DIGIT = new Set(['1', '7']);
const TWO_DIGITS = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66',
  '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** Groups of three, the last of four: "2125550134" → "212 555 0134". */
function group(digits: string): string {
  if (digits.length <= 4) return digits;
  const parts: string[] = [];
  let rest = digits;
  while (rest.length > 4) {
    const take = rest.length === 5 ? 2 : 3;
    parts.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  parts.push(rest);
  return parts.join(' ');
}

/**
 * An E.164 number ("+12125550134") as people read it ("+1 212 555 0134"), for display only: tel: links
 * keep the E.164 form. Anything not in E.164 is shown as it was given.
 */
export function formatPhone(phone: string): string {
  const match = /^\+(\d{6,15})$/.exec(phone.trim());
  if (!match) return phone;
  const digits = match[1]!;
  const codeLength = ONE_DIGIT.has(digits[0]!) ? 1 : TWO_DIGITS.has(digits.slice(0, 2)) ? 2 : 3;
  return `+${digits.slice(0, codeLength)} ${group(digits.slice(codeLength))}`;
}

/** The server's advice with any E.164 number in it shown readably ("Call +15550100 …" → "Call +1 555 0100 …"). */
export function formatPhonesIn(text: string): string {
  return text.replace(/\+\d{6,15}\b/g, (phone) => formatPhone(phone));
}
