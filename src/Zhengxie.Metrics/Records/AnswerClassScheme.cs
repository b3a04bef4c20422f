using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// How one place lettered its answer classes, mapping each letter to an <see cref="AnswerClass"/> by
/// meaning; <see cref="FromDescription(string)"/> maps a Chinese description (the same everywhere) without
/// a scheme. Immutable and thread-safe.
/// </summary>
public sealed class AnswerClassScheme
{
    private readonly ReadOnlyDictionary<string, AnswerClass> letters;

    /// <summary>Creates a scheme from its letters.</summary>
    /// <param name="letters">Each letter (such as <c>A</c>) with the class it means; each letter once.</param>
    /// <exception cref="ArgumentException">A letter is empty, appears twice, or a class is not defined.</exception>
    public AnswerClassScheme(IEnumerable<KeyValuePair<string, AnswerClass>> letters)
    {
        Preconditions.CheckNotNull(letters);
        var map = new Dictionary<string, AnswerClass>(StringComparer.Ordinal);
        foreach (var (letter, answer) in letters)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(letter), nameof(letters), "A letter must not be empty.");
            Preconditions.CheckArgument(answer is >= AnswerClass.SolvedOrAdopted and <= AnswerClass.ForReference, nameof(letters), $"Letter '{letter}': the answer class {answer} is not defined.");
            Preconditions.CheckArgument(map.TryAdd(NormaliseLetter(letter), answer), nameof(letters), $"Letter '{letter}' appears twice.");
        }

        Preconditions.CheckArgument(map.Count > 0, nameof(letters), "A scheme needs at least one letter.");
        this.letters = map.AsReadOnly();
    }

    /// <summary>Gets the usual three-class scheme: A solved or adopted, B being solved or planned, C for reference.</summary>
    public static AnswerClassScheme ThreeClasses { get; } = new(new Dictionary<string, AnswerClass>
    {
        ["A"] = AnswerClass.SolvedOrAdopted,
        ["B"] = AnswerClass.BeingSolvedOrPlanned,
        ["C"] = AnswerClass.ForReference,
    });

    /// <summary>
    /// Gets the four-class scheme: A solved (已经解决), B being solved (正在解决), C planned or to be solved
    /// later (列入计划 / 以后解决), D for reference (留作参考). C counts as <see cref="AnswerClass.BeingSolvedOrPlanned"/>.
    /// </summary>
    public static AnswerClassScheme FourClasses { get; } = new(new Dictionary<string, AnswerClass>
    {
        ["A"] = AnswerClass.SolvedOrAdopted,
        ["B"] = AnswerClass.BeingSolvedOrPlanned,
        ["C"] = AnswerClass.BeingSolvedOrPlanned,
        ["D"] = AnswerClass.ForReference,
    });

    /// <summary>Gets the letters (upper case) and the class each means.</summary>
    public IReadOnlyDictionary<string, AnswerClass> Letters => letters;

    /// <summary>Maps a letter (<c>A</c>, <c>a</c>, <c>A类</c>, full-width <c>Ａ</c>) to its class in this scheme.</summary>
    /// <param name="letter">The letter.</param>
    /// <returns>The class.</returns>
    /// <exception cref="FormatException">The letter is not in this scheme.</exception>
    public AnswerClass FromLetter(string letter)
    {
        Preconditions.CheckNotNull(letter);
        return TryFromLetter(letter, out var answer)
            ? answer
            : throw new FormatException($"'{letter}' is not a letter of this answer-class scheme ({string.Join(", ", letters.Keys)}).");
    }

    /// <summary>Tries to map a letter to its class in this scheme.</summary>
    /// <param name="letter">The letter.</param>
    /// <param name="answer">The class, when found.</param>
    /// <returns>Whether the letter is in this scheme.</returns>
    public bool TryFromLetter([NotNullWhen(true)] string? letter, out AnswerClass answer)
    {
        answer = default;
        return letter is not null && letters.TryGetValue(NormaliseLetter(letter), out answer);
    }

    /// <summary>
    /// Maps a Chinese description to its class by meaning: 留作参考 / 参考 → for reference; 正在解决, 列入计划,
    /// 以后解决 → being solved or planned; 已解决, 采纳, 基本解决 → solved or adopted.
    /// </summary>
    /// <param name="description">The description, such as <c>因条件限制留作参考</c>.</param>
    /// <returns>The class.</returns>
    /// <exception cref="FormatException">The description is not recognised.</exception>
    public static AnswerClass FromDescription(string description)
    {
        Preconditions.CheckNotNull(description);
        return TryFromDescription(description, out var answer)
            ? answer
            : throw new FormatException($"'{description}' is not a recognised answer-class description.");
    }

    /// <summary>Tries to map a Chinese description to its class by meaning (see <see cref="FromDescription(string)"/>).</summary>
    /// <param name="description">The description.</param>
    /// <param name="answer">The class, when recognised.</param>
    /// <returns>Whether the description was recognised.</returns>
    public static bool TryFromDescription([NotNullWhen(true)] string? description, out AnswerClass answer)
    {
        answer = default;
        if (string.IsNullOrWhiteSpace(description))
        {
            return false;
        }

        // Order matters: 「留作参考」 and 「正在解决」 both mention 解决 or 条件; test the narrower meanings first.
        if (ContainsAny(description, "参考"))
        {
            answer = AnswerClass.ForReference;
        }
        else if (ContainsAny(description, "正在", "计划", "列入", "以后解决", "逐步解决"))
        {
            answer = AnswerClass.BeingSolvedOrPlanned;
        }
        else if (ContainsAny(description, "解决", "采纳", "采用"))
        {
            answer = AnswerClass.SolvedOrAdopted;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Parses a letter, a description, or both (<c>A类：已解决或采纳</c>). A recognised description decides
    /// the class; a letter that this scheme maps to another class is a contradiction.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The class.</returns>
    /// <exception cref="FormatException">Neither part is recognised, or the letter contradicts the description.</exception>
    public AnswerClass Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        string trimmed = text.Trim();
        int split = trimmed.IndexOfAny(['：', ':', '（', '(', ' ']);
        string head = split < 0 ? trimmed : trimmed[..split];
        bool hasLetter = TryFromLetter(head, out var byLetter);
        if (TryFromDescription(split < 0 && hasLetter ? null : trimmed, out var byMeaning))
        {
            return !hasLetter || byLetter == byMeaning
                ? byMeaning
                : throw new FormatException($"'{text}': the letter means {byLetter} in this scheme but the description means {byMeaning}.");
        }

        return hasLetter ? byLetter : throw new FormatException($"'{text}' is neither a letter of this scheme nor a recognised answer-class description.");
    }

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static string NormaliseLetter(string letter)
    {
        var s = letter.Trim();
        if (s.EndsWith('类'))
        {
            s = s[..^1].Trim();
        }

        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c is >= '\uFF21' and <= '\uFF3A')
            {
                c = (char)(c - '\uFF21' + 'A');
            }
            else if (c is >= '\uFF41' and <= '\uFF5A')
            {
                c = (char)(c - '\uFF41' + 'a');
            }

            chars[i] = char.ToUpperInvariant(c);
        }

        return new string(chars);
    }
}
