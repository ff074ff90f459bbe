using System.Globalization;
using YamlDotNet.Core;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>
/// Maps an offset in a scalar's value back to a line and column of the file, undoing quoting, escapes,
/// indentation and folding, so that an expression error points at the character that caused it.
/// </summary>
internal static class ScalarPositionMap
{
    public static (int Line, int Column) Map(ScalarSpan span, ScalarStyle style, string value, int offset)
    {
        var raw = span.Raw;
        offset = Math.Clamp(offset, 0, value.Length);
        if (raw.Length == 0)
        {
            return (span.StartLine, span.StartColumn);
        }

        if (!raw.Contains('\n'))
        {
            var rawIndex = style switch
            {
                ScalarStyle.SingleQuoted => SingleQuotedIndex(raw, offset),
                ScalarStyle.DoubleQuoted => DoubleQuotedIndex(raw, offset),
                _ => Math.Min(offset, raw.Length),
            };
            return (span.StartLine, span.StartColumn + rawIndex);
        }

        return MultiLine(span, style, value, raw, offset);
    }

    private static int SingleQuotedIndex(string raw, int offset)
    {
        var rawIndex = 1;
        for (var valueIndex = 0; valueIndex < offset && rawIndex < raw.Length; valueIndex++)
        {
            rawIndex += raw[rawIndex] == '\'' && rawIndex + 1 < raw.Length && raw[rawIndex + 1] == '\'' ? 2 : 1;
        }

        return rawIndex;
    }

    private static int DoubleQuotedIndex(string raw, int offset)
    {
        var rawIndex = 1;
        var valueIndex = 0;
        while (valueIndex < offset && rawIndex < raw.Length)
        {
            var (length, units) = raw[rawIndex] == '\\' && rawIndex + 1 < raw.Length ? Escape(raw, rawIndex) : (1, 1);
            if (valueIndex + units > offset)
            {
                break;
            }

            rawIndex += length;
            valueIndex += units;
        }

        return rawIndex;
    }

    /// <summary>The raw length of the escape at <paramref name="index"/> and how many UTF-16 units it produces.</summary>
    private static (int Length, int Units) Escape(string raw, int index)
    {
        switch (raw[index + 1])
        {
            case 'x':
                return (4, 1);
            case 'u':
                return (6, 1);
            case 'U':
                var digits = raw.Length >= index + 10 ? raw.AsSpan(index + 2, 8) : [];
                var units = int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp) && cp > 0xFFFF ? 2 : 1;
                return (10, units);
            default:
                return (2, 1);
        }
    }

    private static (int Line, int Column) MultiLine(ScalarSpan span, ScalarStyle style, string value, string raw, int offset)
    {
        var anchors = new List<(int ValueIndex, int Length, int Line, int Column)>();
        var lines = raw.Split('\n');
        var cursor = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var (content, column) = LineContent(lines[i], i, i == lines.Length - 1, style, span.StartColumn);
            if (content.Length == 0)
            {
                continue;
            }

            var found = value.IndexOf(content, cursor, StringComparison.Ordinal);
            if (found < 0)
            {
                continue;
            }

            anchors.Add((found, content.Length, span.StartLine + i, column));
            cursor = found + content.Length;
        }

        (int Line, int Column) result = (span.StartLine, span.StartColumn);
        foreach (var anchor in anchors)
        {
            if (anchor.ValueIndex > offset)
            {
                break;
            }

            result = (anchor.Line, anchor.Column + Math.Min(offset - anchor.ValueIndex, anchor.Length));
        }

        return result;
    }

    private static (string Content, int Column) LineContent(string line, int index, bool last, ScalarStyle style, int startColumn)
    {
        line = line.TrimEnd('\r');
        var quoted = style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (index == 0)
        {
            if (style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                return (string.Empty, 0);
            }

            var skip = quoted ? 1 : 0;
            return (Trim(line[Math.Min(skip, line.Length)..], last, style), startColumn + skip);
        }

        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t')
        {
            indent++;
        }

        return (Trim(line[indent..], last, style), indent + 1);
    }

    private static string Trim(string content, bool last, ScalarStyle style)
    {
        if (style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return content;
        }

        if (last && (style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) && content.Length > 0)
        {
            content = content[..^1];
        }

        content = content.TrimEnd(' ', '\t');
        return style == ScalarStyle.DoubleQuoted && content.EndsWith('\\') ? content[..^1] : content;
    }
}
