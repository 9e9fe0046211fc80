using Integration.Host.Participants;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Integration.Host.Data;

/// <summary>
/// EF Core's convention of an index on every foreign key, except on the name index's participant id. Nothing looks
/// name rows up by participant alone (see <see cref="ParticipantName"/>), and that index, written in participant order
/// while the rows arrive in word order, cost an import as much as the rest of the table. Removing the index in the model
/// does not hold: the convention adds it again as soon as it is removed.
/// </summary>
internal sealed class NameIndexForeignKeyConvention(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        entityTypeBuilder.Metadata.ClrType == typeof(ParticipantName) && properties is [{ Name: nameof(ParticipantName.ParticipantId) }]
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}
