using System.Globalization;
using System.Text.Json;
using Baton.Expressions.Runtime;
using Baton.Steps;

namespace Baton.Expressions.Functions;

/// <summary><c>toJson</c>, <c>fromJson</c>, <c>string</c>, <c>number</c>, <c>bool</c>, <c>len</c>.</summary>
internal static class ConversionFunctions
{
    public static Value ToJson(Arguments args) => Value.String(ValueText.ToJson(args[0]));

    public static Value FromJson(Arguments args)
    {
        if (args[0].IsNull)
        {
            return Value.Null;
        }

        var text = args.String(0);
        try
        {
            return Value.Owned(JsonText.Parse(text));
        }
        catch (JsonException e)
        {
            throw args.Fail($"could not read its argument as JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
        }
    }

    public static Value String(Arguments args) => Value.String(ValueText.ToText(args[0]));

    public static Value Number(Arguments args)
    {
        var value = args[0];
        switch (value.Kind)
        {
            case ValueKind.Number:
                return value;
            case ValueKind.Boolean:
                return Value.Number(value.GetBoolean() ? 1 : 0);
            case ValueKind.String:
                var text = value.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return Value.Number(number);
                }

                throw args.Fail($"could not read a string of {text.Length} characters as a number");
            default:
                throw args.Fail($"cannot make a number from {ValueKinds.Describe(value.Kind)}");
        }
    }

    public static Value Bool(Arguments args) => Value.Boolean(args[0].IsTruthy());

    public static Value Len(Arguments args)
    {
        var value = args[0];
        return value.Kind switch
        {
            ValueKind.Null => Value.Number(0),
            ValueKind.String => Value.Number(value.GetString().Length),
            ValueKind.List => Value.Number(value.GetList().Count),
            ValueKind.Mapping => Value.Number(value.GetMapping().Count),
            _ => throw args.WrongKind(0, "a string, a list or a mapping"),
        };
    }
}
