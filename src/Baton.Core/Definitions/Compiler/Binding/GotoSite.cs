using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>A <c>goto</c>: the target as written, and the step whose sequence the target must be in.</summary>
/// <param name="Source">The step that jumps: the failing step for <c>on-error</c>, the switch for a case.</param>
internal sealed record GotoSite(string Target, ScalarNode Node, StepHandle Source);
