using System;

namespace Zhengxie.Metrics.Extraction.Text;

/// <summary>
/// A report's text as the extractor reads it, with a map back to the original. Stand-in until the full
/// normaliser lands: full-width ASCII → ASCII and odd spaces → ' ', one character for one, so offsets are
/// unchanged.
/// </summary>
internal sealed class NormalizedText
{
    private NormalizedText(string original, string text)
    {
        Original = original;
        Text = text;
    }

    /// <summary>Gets the original text.</summary>
    public string Original { get; }

    /// <summary>Gets the normalised text.</summary>
    public string Text { get; }

    /// <summary>Normalises a text.</summary>
    /// <param name="original">The text as it came.</param>
    /// <returns>The normalised text.</returns>
    public static NormalizedText Create(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return new NormalizedText(original, string.Create(original.Length, original, static (span, s) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                char c = s[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' => ' ',
                    _ => c,
                };
            }
        }));
    }

    /// <summary>Maps an index of <see cref="Text"/> to the original text.</summary>
    /// <param name="index">An index, 0 to <see cref="Text"/>'s length.</param>
    /// <returns>The index in the original.</returns>
    public int ToOriginal(int index) => Math.Clamp(index, 0, Original.Length);
}
