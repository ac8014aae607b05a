using ContestSite.Data.Email;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
}
