using System.Buffers;
using Baton.Expressions.Functions;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>A call of a built-in function. The parser has checked the name and the number of arguments.</summary>
internal sealed class CallNode(FunctionDefinition function, ExpressionNode[] arguments, object? state, int start, int end)
    : ExpressionNode(start, end, HeightOf(arguments))
{
    public FunctionDefinition Function { get; } = function;

    public IReadOnlyList<ExpressionNode> Arguments => arguments;

    public override Value Evaluate(in EvalScope scope)
    {
        if (arguments.Length <= ArgumentBuffer.Size)
        {
            var buffer = default(ArgumentBuffer);
            Span<Value> values = buffer;
            values = values[..arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                values[i] = arguments[i].Evaluate(scope);
            }

            return Function.Body(new Functions.Arguments(Function, values, scope, state));
        }

        var rented = ArrayPool<Value>.Shared.Rent(arguments.Length);
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                rented[i] = arguments[i].Evaluate(scope);
            }

            return Function.Body(new Functions.Arguments(Function, rented.AsSpan(0, arguments.Length), scope, state));
        }
        finally
        {
            ArrayPool<Value>.Shared.Return(rented, clearArray: true);
        }
    }
}
