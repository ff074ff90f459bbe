using System.Text.Json;

namespace Baton.Expressions.Runtime;

/// <summary>
/// Deep equality: numbers by value, strings case-sensitively, lists item by item, mappings key by key in any order.
/// Values of different kinds are never equal.
/// </summary>
internal sealed class ValueEquality : IEqualityComparer<Value>
{
    public static ValueEquality Instance { get; } = new();

    public static bool AreEqual(in Value left, in Value right)
    {
        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Boolean => left.GetBoolean() == right.GetBoolean(),
            ValueKind.Number => NumbersEqual(left, right),
            ValueKind.String => StringsEqual(left, right),
            ValueKind.List => ListsEqual(left, right),
            _ => MappingsEqual(left, right),
        };
    }

    public bool Equals(Value x, Value y) => AreEqual(x, y);

    public int GetHashCode(Value obj) => Hash(obj);

    private static int Hash(in Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Boolean:
                return value.GetBoolean() ? 1 : 2;
            case ValueKind.Number:
                var number = value.GetNumber();
                return number == 0 ? 0 : number.GetHashCode();
            case ValueKind.String:
                return StringComparer.Ordinal.GetHashCode(value.GetString());
            case ValueKind.List:
                var hash = new HashCode();
                foreach (var item in value.GetList())
                {
                    hash.Add(Hash(Value.FromNode(item, borrowed: true)));
                }

                return hash.ToHashCode();
            case ValueKind.Mapping:
                // Order-insensitive, as mapping equality is.
                var sum = 0;
                foreach (var (key, item) in value.GetMapping())
                {
                    sum += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), Hash(Value.FromNode(item, borrowed: true)));
                }

                return sum;
            default:
                return 0;
        }
    }

    private static bool NumbersEqual(in Value left, in Value right)
    {
        // Two parsed numbers compare exactly, so that ids beyond 2^53 that differ stay different.
        if (NodeReader.TryGetElement(left.Node, out var a) && NodeReader.TryGetElement(right.Node, out var b))
        {
            return JsonElement.DeepEquals(a, b);
        }

        return left.GetNumber() == right.GetNumber();
    }

    private static bool StringsEqual(in Value left, in Value right)
    {
        var leftIsElement = NodeReader.TryGetElement(left.Node, out var a);
        var rightIsElement = NodeReader.TryGetElement(right.Node, out var b);
        return (leftIsElement, rightIsElement) switch
        {
            (true, true) => JsonElement.DeepEquals(a, b),
            (true, false) => a.ValueEquals(right.GetString()),
            (false, true) => b.ValueEquals(left.GetString()),
            _ => string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal),
        };
    }

    private static bool ListsEqual(in Value left, in Value right)
    {
        var a = left.GetList();
        var b = right.GetList();
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(Value.FromNode(a[i], borrowed: true), Value.FromNode(b[i], borrowed: true)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MappingsEqual(in Value left, in Value right)
    {
        var a = left.GetMapping();
        var b = right.GetMapping();
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, item) in a)
        {
            if (!b.TryGetPropertyValue(key, out var other) || !AreEqual(Value.FromNode(item, borrowed: true), Value.FromNode(other, borrowed: true)))
            {
                return false;
            }
        }

        return true;
    }
}
