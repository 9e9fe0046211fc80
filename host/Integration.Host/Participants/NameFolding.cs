using System.Globalization;
using System.Text;

namespace Integration.Host.Participants;

/// <summary>
/// Folds names for searching and comparing: lower case, diacritics removed (Åsa → asa, Müller → muller), split into
/// words on anything that is not a letter or digit.
/// </summary>
public static class NameFolding
{
    public static IReadOnlyList<string> Tokens(params string?[] names)
    {
        var words = new List<string>(4);
        foreach (var name in names)
        {
            AddWords(words, Fold(name));
        }

        return words;
    }

    /// <summary>Adds the words of a folded name that <paramref name="words"/> does not hold yet, in their order.</summary>
    internal static void AddWords(List<string> words, string folded)
    {
        // Written out rather than Split and Distinct: an import folds the names of 100 000 participants at once, and a
        // name of one word (the usual case) is its own word, with nothing to allocate.
        foreach (var range in folded.AsSpan().Split(' '))
        {
            var word = folded.AsSpan(range);
            if (!word.IsEmpty && !Holds(words, word))
            {
                words.Add(word.Length == folded.Length ? folded : word.ToString());
            }
        }
    }

    private static bool Holds(List<string> words, ReadOnlySpan<char> word)
    {
        foreach (var known in words)
        {
            if (word.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The folded name with words separated by single spaces.</summary>
    public static string Fold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        // Most names and values are plain ASCII: fold those without Unicode normalisation (imports fold millions of them).
        if (System.Text.Ascii.IsValid(name))
        {
            return FoldAscii(name);
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                folded.Append(' ');
                space = true;
            }
        }

        return folded.ToString().TrimEnd();
    }

    private static string FoldAscii(string name)
    {
        Span<char> folded = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        var space = true;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded[length++] = char.ToLowerInvariant(c);
                space = false;
            }
            else if (!space)
            {
                folded[length++] = ' ';
                space = true;
            }
        }

        // At most one space at the end: a run of separators makes one.
        return new string(folded[..(length > 0 && folded[length - 1] == ' ' ? length - 1 : length)]);
    }

    /// <summary>
    /// A rough sound key of a folded word, for finding the same name spelt another way (Mohammed, Muhammad → mhmd;
    /// Hassan, Hasan → hsn; Yusuf, Yousef → ysf): the first letter, then the consonants, similar ones merged, doubled ones once.
    /// Null for words shorter than three letters.
    /// </summary>
    public static string? Skeleton(string foldedWord) => Skeleton(foldedWord, string.Empty);

    /// <summary>The <see cref="Skeleton(string)"/> of a word after <paramref name="mark"/>, in one string.</summary>
    internal static string? Skeleton(string foldedWord, string mark)
    {
        if (foldedWord.Length < 3 || foldedWord.AsSpan().ContainsAnyExcept(AsciiLetters))
        {
            return null;
        }

        // On the stack, not a StringBuilder: an import takes the keys of 200 000 words at once.
        Span<char> key = foldedWord.Length + mark.Length <= 256 ? stackalloc char[foldedWord.Length + mark.Length] : new char[foldedWord.Length + mark.Length];
        mark.AsSpan().CopyTo(key);
        var length = mark.Length;
        key[length++] = Sound(foldedWord[0]);
        for (var i = 1; i < foldedWord.Length; i++)
        {
            var c = Sound(foldedWord[i]);
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || c == key[length - 1])
            {
                continue;
            }

            key[length++] = c;
        }

        return new string(key[..length]);
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static char Sound(char c) => c switch
    {
        'q' or 'c' => 'k',
        'z' => 's',
        'w' => 'v',
        'j' => 'y',
        _ => c,
    };

    /// <summary>Edit distance between two folded names, for duplicate suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
