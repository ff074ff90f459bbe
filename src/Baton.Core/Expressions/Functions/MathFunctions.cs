using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>sum</c>, <c>avg</c>, <c>min</c>, <c>max</c>, <c>round</c>, <c>floor</c>, <c>ceil</c>, <c>abs</c>: numbers only.</summary>
internal static class MathFunctions
{
    /// <summary>The most digits <see cref="Math.Round(double, int, MidpointRounding)"/> accepts.</summary>
    private const int MaxDigits = 15;

    /// <summary>Below this magnitude a double converts to <see cref="decimal"/> exactly enough to round as written.</summary>
    private const double DecimalLimit = 7.9e27;

    public static Value Sum(Arguments args)
    {
        var total = 0.0;
        var count = 0;
        Accumulate(args, ref total, ref count);
        return Finite(args, total);
    }

    public static Value Avg(Arguments args)
    {
        var total = 0.0;
        var count = 0;
        Accumulate(args, ref total, ref count);
        return count == 0 ? Value.Null : Finite(args, total / count);
    }

    public static Value Min(Arguments args) => Extreme(args, wantLarger: false);

    public static Value Max(Arguments args) => Extreme(args, wantLarger: true);

    public static Value Round(Arguments args)
    {
        var digits = args.Count > 1 ? args.Integer(1) : 0;
        if (digits is < 0 or > MaxDigits)
        {
            throw args.Fail($"rounds to 0 to {MaxDigits} digits, not {digits}");
        }

        var number = args.Number(0);

        // Rounding the decimal that the number prints as, not its binary value, so that round(1.005, 2)
        // is 1.01 as written rather than 1 (1.005 is 1.00499999999999989... in binary).
        return Math.Abs(number) < DecimalLimit
            ? Value.Number((double)Math.Round((decimal)number, digits, MidpointRounding.AwayFromZero))
            : Finite(args, Math.Round(number, digits, MidpointRounding.AwayFromZero));
    }

    public static Value Floor(Arguments args) => Finite(args, Math.Floor(args.Number(0)));

    public static Value Ceil(Arguments args) => Finite(args, Math.Ceiling(args.Number(0)));

    public static Value Abs(Arguments args) => Finite(args, Math.Abs(args.Number(0)));

    private static void Accumulate(Arguments args, ref double total, ref int count)
    {
        if (args.List(0) is not { } list)
        {
            return;
        }

        foreach (var node in list)
        {
            var item = Value.FromNode(node, borrowed: true);
            if (item.Kind != ValueKind.Number)
            {
                throw args.Fail($"adds numbers only, but item {count} of the list is {ValueKinds.Describe(item.Kind)}");
            }

            total += item.GetNumber();
            count++;
        }
    }

    // min(list) looks into the list; min(a, b, ...) compares its arguments. The winner is returned as it is.
    private static Value Extreme(Arguments args, bool wantLarger)
    {
        if (args.Count == 1 && args[0].Kind is ValueKind.List or ValueKind.Null)
        {
            var list = args.List(0);
            var best = Value.Null;
            for (var i = 0; list is not null && i < list.Count; i++)
            {
                best = Better(args, best, Value.FromNode(list[i], borrowed: true), i, wantLarger);
            }

            return best;
        }

        var winner = Value.Null;
        for (var i = 0; i < args.Count; i++)
        {
            winner = Better(args, winner, args[i], i, wantLarger);
        }

        return winner;
    }

    private static Value Better(Arguments args, in Value best, in Value candidate, int position, bool wantLarger)
    {
        if (candidate.Kind != ValueKind.Number)
        {
            throw args.Fail($"compares numbers only, but item {position} is {ValueKinds.Describe(candidate.Kind)}");
        }

        if (best.IsNull)
        {
            return candidate;
        }

        var a = best.GetNumber();
        var b = candidate.GetNumber();
        return (wantLarger ? b > a : b < a) ? candidate : best;
    }

    private static Value Finite(Arguments args, double result) => double.IsFinite(result) ? Value.Number(result) : throw args.NotFinite();
}
