namespace Baton.Expressions.Functions;

/// <summary>A function of the expression language, with the number of arguments it accepts.</summary>
internal sealed class FunctionDefinition(string name, int minArguments, int maxArguments, FunctionBody body)
{
    /// <summary>For functions that take any number of arguments from <see cref="MinArguments"/> on.</summary>
    public const int Unbounded = int.MaxValue;

    public string Name { get; } = name;

    public int MinArguments { get; } = minArguments;

    public int MaxArguments { get; } = maxArguments;

    public FunctionBody Body { get; } = body;

    public bool Accepts(int count) => count >= MinArguments && count <= MaxArguments;

    /// <summary>How many arguments it takes, in words: "1 argument", "1 or 2 arguments", "at least 1 argument".</summary>
    public string Arity => (MinArguments, MaxArguments) switch
    {
        (0, 0) => "no arguments",
        (var min, var max) when min == max => Plural(min),
        (var min, Unbounded) => $"at least {Plural(min)}",
        (var min, var max) when max == min + 1 => $"{min} or {Plural(max)}",
        (var min, var max) => $"{min} to {Plural(max)}",
    };

    private static string Plural(int count) => count == 1 ? "1 argument" : $"{count} arguments";
}
