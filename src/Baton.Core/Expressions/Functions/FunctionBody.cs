using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

internal delegate Value FunctionBody(Arguments args);
