using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>One reason a value does not match a schema.</summary>
/// <param name="Path">Where in the value: member names and indexes; for a missing property, the path it should have.</param>
/// <param name="Keyword">
/// The keyword that failed (<c>type</c>, <c>required</c>, <c>anyOf</c>...). For a <c>false</c> schema, the keyword that
/// holds it (<c>additionalProperties</c>, <c>items</c>...), with <see cref="FalseSchema"/> set.
/// </param>
/// <param name="Schema">The schema the keyword belongs to, to read its limits from.</param>
internal sealed record SchemaError(IReadOnlyList<object> Path, string Keyword, JsonNode? Schema)
{
    /// <summary>True when a <c>false</c> schema failed: nothing is allowed there.</summary>
    public bool FalseSchema { get; init; }

    /// <summary>True when the error is about a member's name (<c>propertyNames</c>), not its value.</summary>
    public bool AboutName { get; init; }

    /// <summary>For <c>dependentRequired</c>: the member whose presence requires this one.</summary>
    public string? Trigger { get; init; }

    /// <summary>For <c>contains</c>: how many items matched.</summary>
    public int Matches { get; init; }

    /// <summary>For <c>anyOf</c> and <c>oneOf</c>: the errors of each alternative, empty for one that matched.</summary>
    public IReadOnlyList<IReadOnlyList<SchemaError>> Alternatives { get; init; } = [];

    /// <summary>
    /// True when matching the value (or, with <see cref="AboutName"/>, its name) against a pattern took too long, so it
    /// could not be checked; <see cref="Reason"/> holds the pattern.
    /// </summary>
    public bool TimedOut { get; init; }

    /// <summary>For an error the validator itself ran into: what it said.</summary>
    public string? Reason { get; init; }

    /// <summary>True when a key that is not allowed is the problem, wherever its value is.</summary>
    public bool IsUnknownMember => FalseSchema && Keyword is "additionalProperties" or "unevaluatedProperties";
}
