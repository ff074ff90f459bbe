using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>A template of the definition, the scalar it was written in, and the step it is evaluated for.</summary>
/// <param name="IsCondition">True for <c>if</c> and <c>when</c>, which are read for their truth.</param>
internal sealed record TemplateSite(Template Template, ScalarNode Node, StepHandle? Step, SiteKind Kind, bool IsCondition);
