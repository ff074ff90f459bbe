using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private const string EmbeddedWorkflowKey = "workflow";

    /// <summary>
    /// Compiles the child workflows an action step's configuration names as <c>workflow: { path: FILE }</c>, at any depth,
    /// like the child of a <c>workflow</c> step. A path with a template is not a reference: it is left to the executor.
    /// </summary>
    private Dictionary<string, WorkflowDefinition> BindEmbeddedWorkflows(SyntaxNode config)
    {
        var result = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        Collect(config, result);
        return result;
    }

    private void Collect(SyntaxNode node, Dictionary<string, WorkflowDefinition> result)
    {
        switch (node)
        {
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    Collect(item, result);
                }

                break;
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Name == EmbeddedWorkflowKey && entry.Value is MappingNode reference
                        && reference["path"] is ScalarNode { IsString: true } path && !HasExpression(path))
                    {
                        // Compiled at every occurrence (the session compiles each file once), so that each bad path is reported where it is.
                        result.TryAdd(path.Value, _children.CompileChild(path.Value, path) ?? StepFactory.MissingChild());
                    }
                    else
                    {
                        Collect(entry.Value, result);
                    }
                }

                break;
        }
    }
}
