namespace Baton.Definitions.Compiler.Language;

/// <summary>One key of a mapping in the workflow language.</summary>
internal sealed record KeySpec(string Name, Shape Shape, string Description, bool Required = false);
