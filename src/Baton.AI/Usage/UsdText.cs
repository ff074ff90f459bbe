using System.Globalization;

namespace Baton.AI.Usage;

/// <summary>Amounts of US dollars for messages and tables: a model call costs millionths of a dollar, which must not read as $0.</summary>
internal static class UsdText
{
    /// <summary><c>$0.50</c>, <c>$12.00</c>, <c>$0.000006</c>; amounts under a millionth keep up to ten decimals.</summary>
    public static string Format(decimal amount)
        => "$" + amount.ToString(amount != 0 && Math.Abs(amount) < 0.000001m ? "0.00########" : "0.00####", CultureInfo.InvariantCulture);
}
