using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace Zhengxie.Metrics.Cli;

/// <summary>"Did you mean …?" for misspelt commands and choices, and choice options whose errors are one line.</summary>
internal static class Suggestions
{
    /// <summary>
    /// Returns the candidate closest to <paramref name="typed"/> (case-insensitive edit distance with
    /// transpositions, at most a third of the word, at least 1), or one that starts with it; <see langword="null"/> when none is close.
    /// </summary>
    internal static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string t = typed.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            string c = candidate.ToLowerInvariant();
            int d = c.StartsWith(t, StringComparison.Ordinal) ? 0 : Distance(t, c);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return bestDistance <= Math.Max(1, t.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean report?)" or an empty string.</summary>
    internal static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } s ? "; did you mean " + s + "?" : ".";

    /// <summary>Restricts a string option to <paramref name="choices"/>, with a one-line error that lists them and suggests the closest.</summary>
    internal static void AcceptOnly(Option<string> option, params string[] choices)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            string value = result.Tokens[^1].Value;
            if (!choices.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name}: '{value}' is not one of {string.Join(", ", choices)}{DidYouMean(value, choices)}");
            }
        });
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The first error of a parse as one line: an unknown command or option gets a suggestion, and no message ends in "..".</summary>
    internal static string Describe(ParseResult parse, RootCommand root)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-'))
            {
                var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
                return $"'{token}' is not an option of {Name(command, root)}{DidYouMean(token, names)}";
            }

            if (command == root)
            {
                return $"'{token}' is not a command; use {string.Join(", ", root.Subcommands.Select(c => c.Name))}{DidYouMean(token, root.Subcommands.Select(c => c.Name))}";
            }

            return $"unexpected argument '{token}' for {Name(command, root)}.";
        }

        string message = Cli.OneLine(parse.Errors[0].Message).Replace('\t', ' ').TrimEnd();
        return message.EndsWith('.') || message.EndsWith('?') ? message : message + ".";
    }

    private static string Name(Command command, RootCommand root) => command == root ? "zhengxie-metrics" : "'" + command.Name + "'";
}
