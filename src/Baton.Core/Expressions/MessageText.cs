using System.Text;

namespace Baton.Expressions;

/// <summary>Quotes source text in one-line error messages: shortened, with line breaks and tabs shown as spaces.</summary>
internal static class MessageText
{
    public static string Quote(string text, int maxLength = 40) => Quote(text.AsSpan(), maxLength);

    public static string Quote(ReadOnlySpan<char> text, int maxLength = 40)
    {
        var shortened = text.Length > maxLength;
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 3);
        foreach (var c in shortened ? text[..maxLength] : text)
        {
            builder.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
        }

        return shortened ? builder.Append("...").ToString() : builder.ToString();
    }
}
