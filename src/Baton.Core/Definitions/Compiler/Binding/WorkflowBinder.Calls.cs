using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private WorkflowCallStep BindWorkflowCall(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        string? path = null;
        WorkflowDefinition? child = null;
        ValueTemplate? inputs = null;
        if (Mapping(node, "workflow", "a mapping with a 'path'") is { } map)
        {
            CheckKeys(map, LanguageSpec.WorkflowCall);
            if (map["path"] is { } pathNode && StringScalar(pathNode, "path") is { } pathScalar)
            {
                path = pathScalar.Value;
                if (HasExpression(pathScalar))
                {
                    _diagnostics.Error(
                        DiagnosticCodes.ExpressionPlacement,
                        pathScalar.Location,
                        "'path' must be a fixed file path, not a template: the child workflow is compiled and pinned with its parent.");
                }
                else
                {
                    child = _children.CompileChild(path, pathScalar);
                }
            }

            inputs = map["inputs"] is { } inputsNode and not ScalarNode { IsNull: true } ? BuildValue(inputsNode, handle) : null;
        }

        return StepFactory.WorkflowCall(fields, path ?? string.Empty, child ?? StepFactory.MissingChild(), inputs);
    }

    private FailStep BindFail(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        if (node is ScalarNode { IsString: true } message)
        {
            return StepFactory.Fail(fields, TemplateOf(message, handle), FailStep.DefaultCode);
        }

        Template? text = null;
        var code = FailStep.DefaultCode;
        if (Mapping(node, "fail", "a message, or a mapping with 'message' and 'code'") is { } map)
        {
            CheckKeys(map, LanguageSpec.Fail);
            text = map["message"] is { } messageNode ? TemplateValue(messageNode, "message", handle) : null;
            if (map["code"] is { } codeNode && Text(codeNode, "code") is { } codeText)
            {
                if (!Regexes.ErrorCode().IsMatch(codeText))
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidName, codeNode.Location, $"'{codeText}' is not a valid error code; use letters, digits, '_', '.' and '-', such as data.missing.");
                }

                code = codeText;
            }
        }

        return StepFactory.Fail(fields, text ?? Template.Parse(string.Empty), code);
    }
}
