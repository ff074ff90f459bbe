using System.Runtime.CompilerServices;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary>Room on the stack for the arguments of a call, so that most calls allocate nothing.</summary>
[InlineArray(Size)]
internal struct ArgumentBuffer
{
    public const int Size = 4;

    private Value _first;
}
