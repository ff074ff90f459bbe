using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>A step and the scalar that holds its id, for duplicate detection.</summary>
internal sealed record StepIdSite(StepDefinition Step, ScalarNode Node);
