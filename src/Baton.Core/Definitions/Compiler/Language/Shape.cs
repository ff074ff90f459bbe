namespace Baton.Definitions.Compiler.Language;

/// <summary>The form a value of the workflow language takes, as the JSON Schema generator describes it.</summary>
internal abstract record Shape
{
    public static readonly Shape Any = new AnyShape();
    public static readonly Shape Text = new StringShape();
    public static readonly Shape Boolean = new BooleanShape();
    public static readonly Shape Scalar = new ScalarShape();

    /// <summary>A string that may hold <c>${{ }}</c> templates.</summary>
    public static readonly Shape Template = new StringShape(Description: "A template: text with ${{ expression }} parts.");

    /// <summary>A condition: a bare expression or a template; YAML booleans and numbers are accepted as literals.</summary>
    public static readonly Shape Condition = new OneOfShape([new StringShape(), new BooleanShape(), new NumberShape()]);

    public static readonly Shape Duration = new StringShape(Pattern: Language.Patterns.Duration);

    public static Shape ListOf(Shape items, int minItems = 0) => new ListShape(items, minItems);

    public static Shape MapOf(Shape values, string? keyPattern = null, int minProperties = 0) => new MapShape(values, keyPattern, minProperties);

    public static Shape Integer(long? minimum = null, long? maximum = null) => new IntegerShape(minimum, maximum);

    public static Shape OneOf(params Shape[] options) => new OneOfShape(options);

    public static Shape Choice(params string[] values) => new StringShape(Enum: values);

    public static Shape Matching(string pattern) => new StringShape(Pattern: pattern);

    public static Shape Ref(string definition) => new RefShape(definition);

    public static Shape Object(ObjectSpec spec) => new ObjectShape(spec);

    /// <summary>An integer, or a template that renders to one at run time.</summary>
    public static Shape IntegerOrTemplate(long minimum) => OneOf(Integer(minimum), new StringShape(Pattern: Language.Patterns.HasExpression));
}

internal sealed record AnyShape : Shape;

internal sealed record BooleanShape : Shape;

/// <summary>A string, a number, a boolean or null.</summary>
internal sealed record ScalarShape : Shape;

internal sealed record StringShape(string? Pattern = null, IReadOnlyList<string>? Enum = null, string? Description = null) : Shape;

internal sealed record IntegerShape(long? Minimum, long? Maximum) : Shape;

internal sealed record NumberShape(double? Minimum = null, double? Maximum = null) : Shape;

internal sealed record ListShape(Shape Items, int MinItems) : Shape;

/// <summary>An open mapping: any key (matching <see cref="KeyPattern"/>), each value of one shape.</summary>
internal sealed record MapShape(Shape Values, string? KeyPattern, int MinProperties) : Shape;

/// <summary>A closed mapping: the keys of <see cref="Spec"/> and nothing else.</summary>
internal sealed record ObjectShape(ObjectSpec Spec) : Shape;

internal sealed record OneOfShape(IReadOnlyList<Shape> Options) : Shape;

/// <summary>A reference to a named definition of the schema (such as a step).</summary>
internal sealed record RefShape(string Definition) : Shape;
