using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// A query compiled once per model (<c>EF.CompileAsyncQuery</c>), for the reads every chat turn makes: a compiled query
/// skips the translation cache lookup and the parameter extraction EF Core does for each LINQ query. EF Core binds a
/// compiled query to the first model it runs on and refuses any other, while each provider has its own model (and one
/// test process may use two), so this keeps one compiled copy per model, forgotten with it.
/// </summary>
public sealed class CompiledQueryPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
