using System.Globalization;
using Baton.Definitions;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>now</c>, <c>addDuration</c>, <c>formatTime</c>. Times are ISO-8601 text; results are UTC with milliseconds.</summary>
internal static class TimeFunctions
{
    public const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static Value Now(Arguments args) => Value.String(Format(args.TimeProvider.GetUtcNow()));

    public static Value AddDuration(Arguments args)
    {
        var time = ParseTime(args, 0);
        var text = args.String(1);
        var negative = text.StartsWith('-');
        if (!Duration.TryParse(negative ? text[1..] : text, out var duration))
        {
            throw args.Fail($"expects a duration such as '1h30m' or '-1d' as its second argument, not '{MessageText.Quote(text)}'");
        }

        try
        {
            return Value.String(Format(negative ? time - duration : time + duration));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw args.Fail("gave a time outside the years 1 to 9999");
        }
    }

    public static Value FormatTime(Arguments args)
    {
        var time = ParseTime(args, 0);
        var format = args.String(1);
        try
        {
            return Value.String(time.ToUniversalTime().ToString(format, CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
            throw args.Fail($"got '{MessageText.Quote(format)}', which is not a valid .NET date format");
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(Arguments args, int index)
    {
        var text = args.String(index);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw args.Fail($"expects an ISO-8601 time such as '2026-12-01T09:00:00Z' as its {(index == 0 ? "first" : "second")} argument");
    }
}
