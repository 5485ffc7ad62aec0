// Latin letters for matching-key initials: which code points are letters, their upper case,
// and composition of a letter with a combining mark (text typed in decomposed form).
#pragma once

namespace synlig::survey::internal {

// ASCII letters and the letters of Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F
// without × and ÷).
bool IsLatinLetter(char32_t c);
// U+0300..U+036F.
bool IsCombiningMark(char32_t c);
// Upper case of a Latin letter (ß, ĸ and ŉ, which have no single upper-case letter, stay as
// they are; İ and ı become I, ſ becomes S). Other code points are returned unchanged.
char32_t UpperLatin(char32_t c);
// The precomposed upper-case letter for an upper-case ASCII base and a combining mark
// ('O', U+0308 -> 'Ö'), or 0 when Latin-1/Extended-A has none.
char32_t ComposeUpper(char32_t upper_base, char32_t mark);

}  // namespace synlig::survey::internal
