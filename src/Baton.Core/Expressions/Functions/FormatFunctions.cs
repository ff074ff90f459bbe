using System.Globalization;
using System.Text;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>format</c> and <c>join</c>, which build text from several values.</summary>
internal static class FormatFunctions
{
    public static Value Join(Arguments args)
    {
        var list = args.List(0);
        var separator = args.Count > 1 ? args.String(1) : ",";
        if (list is null)
        {
            return Value.String(string.Empty);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            ValueText.Append(builder, Value.FromNode(list[i], borrowed: true));
        }

        return Value.String(builder.ToString());
    }

    // {0}, {1}... take the arguments after the format; {{ and }} stand for single braces.
    public static Value Format(Arguments args)
    {
        var format = args.String(0);
        var builder = new StringBuilder(format.Length + 16);
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    builder.Append('}');
                    i += 2;
                    continue;
                }

                throw args.Fail($"found a lone '}}' at position {i} of its format: write '}}}}' for a brace");
            }

            if (c != '{')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                builder.Append('{');
                i += 2;
                continue;
            }

            var close = format.IndexOf('}', i + 1);
            if (close < 0 || !int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw args.Fail($"found an invalid placeholder at position {i} of its format: use {{0}}, {{1}}... or '{{{{' for a brace");
            }

            if (index >= args.Count - 1)
            {
                throw args.Fail($"has no argument for placeholder {{{index}}}: it was given {args.Count - 1} after the format");
            }

            ValueText.Append(builder, args[index + 1]);
            i = close + 1;
        }

        return Value.String(builder.ToString());
    }
}
