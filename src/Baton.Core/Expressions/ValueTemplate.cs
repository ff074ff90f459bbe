using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Expressions;

/// <summary>
/// A JSON-shaped value from a definition (a mapping, a list or a scalar) whose strings may be templates.
/// Rendering evaluates every template and returns a fresh JSON tree.
/// </summary>
public abstract class ValueTemplate
{
    private protected ValueTemplate(SourceLocation location)
    {
        Location = location;
    }

    /// <summary>Where the value starts in its file.</summary>
    public SourceLocation Location { get; }

    /// <summary>True when no part of the value contains an expression.</summary>
    public abstract bool IsConstant { get; }

    /// <summary>Evaluates every template in the value. Returns a new tree that the caller owns.</summary>
    /// <exception cref="ExpressionException">An expression failed.</exception>
    public abstract JsonNode? Render(IExpressionContext context);

    /// <summary>Every template in the value, depth first, with the location of the scalar that holds it.</summary>
    public abstract IEnumerable<(Template Template, SourceLocation Location)> Templates { get; }

    /// <summary>The property <paramref name="key"/> of a mapping when it is text without an expression; otherwise null.</summary>
    /// <remarks>For checks made before a run starts, such as which model a step names.</remarks>
    internal virtual string? FixedText(string key) => null;

    public static ValueTemplate Constant(JsonNode? value, SourceLocation location) => new ConstantValue(value, location);

    public static ValueTemplate FromTemplate(Template template, SourceLocation location)
        => template.IsLiteral ? new ConstantValue(JsonValue.Create(template.Text), location) : new StringValue(template, location);

    public static ValueTemplate Object(IReadOnlyList<KeyValuePair<string, ValueTemplate>> properties, SourceLocation location)
        => new ObjectValue(properties, location);

    public static ValueTemplate Array(IReadOnlyList<ValueTemplate> items, SourceLocation location)
        => new ArrayValue(items, location);

    private sealed class ConstantValue(JsonNode? value, SourceLocation location) : ValueTemplate(location)
    {
        public JsonNode? Value { get; } = value;

        public override bool IsConstant => true;

        public override JsonNode? Render(IExpressionContext context) => Value?.DeepClone();

        public override IEnumerable<(Template, SourceLocation)> Templates => [];

        internal override string? FixedText(string key) => Text((Value as JsonObject)?[key]);

        public static string? Text(JsonNode? node)
            => node is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String ? text.GetValue<string>() : null;
    }

    private sealed class StringValue(Template template, SourceLocation location) : ValueTemplate(location)
    {
        public override bool IsConstant => false;

        public override JsonNode? Render(IExpressionContext context)
        {
            var value = template.Evaluate(context);
            return value is not null && value.Parent is not null ? value.DeepClone() : value;
        }

        public override IEnumerable<(Template, SourceLocation)> Templates => [(template, Location)];
    }

    private sealed class ObjectValue(IReadOnlyList<KeyValuePair<string, ValueTemplate>> properties, SourceLocation location) : ValueTemplate(location)
    {
        public IReadOnlyList<KeyValuePair<string, ValueTemplate>> Properties { get; } = properties;

        public override bool IsConstant => Properties.All(p => p.Value.IsConstant);

        public override JsonNode? Render(IExpressionContext context)
        {
            var result = new JsonObject();
            foreach (var (key, value) in Properties)
            {
                result[key] = value.Render(context);
            }

            return result;
        }

        public override IEnumerable<(Template, SourceLocation)> Templates => Properties.SelectMany(p => p.Value.Templates);

        internal override string? FixedText(string key)
            => Properties.FirstOrDefault(p => p.Key == key).Value is ConstantValue constant ? ConstantValue.Text(constant.Value) : null;
    }

    private sealed class ArrayValue(IReadOnlyList<ValueTemplate> items, SourceLocation location) : ValueTemplate(location)
    {
        public IReadOnlyList<ValueTemplate> Items { get; } = items;

        public override bool IsConstant => Items.All(i => i.IsConstant);

        public override JsonNode? Render(IExpressionContext context)
        {
            var result = new JsonArray();
            foreach (var item in Items)
            {
                result.Add(item.Render(context));
            }

            return result;
        }

        public override IEnumerable<(Template, SourceLocation)> Templates => Items.SelectMany(i => i.Templates);
    }
}
