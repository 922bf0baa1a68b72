//! The knowledge cycle: problems (with followers), ideas (threaded one level, endorsed, with
//! their edit history), knowledge articles (numbered revisions, co-authors), applications of
//! knowledge at work (with confirmations), and the full-text search index over them.
//!
//! Search: `search_document` holds one row per problem, idea and article. On SQLite an FTS5
//! table indexes it (kept in step by triggers); on PostgreSQL a generated `tsvector` column
//! with a GIN index does.

use crate::m20261127_000002_federation::{
    index, optional_timestamp, references, required_string, required_uuid, timestamp, uuid_pk,
};
use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Community {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Problem {
    Table,
    Id,
    CommunityId,
    AuthorPersonId,
    AuthorOrganizationId,
    Title,
    Body,
    Tags,
    Urgency,
    State,
    StateRank,
    IdeaCount,
    FollowerCount,
    CreatedAt,
    UpdatedAt,
    SolvedAt,
    TimeToSolutionSeconds,
    ClosedAt,
}

#[derive(DeriveIden)]
enum ProblemFollow {
    Table,
    Id,
    ProblemId,
    PersonId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Idea {
    Table,
    Id,
    ProblemId,
    CommunityId,
    ParentIdeaId,
    AuthorPersonId,
    AuthorOrganizationId,
    Body,
    EndorsementCount,
    ReplyCount,
    Revision,
    AcceptedAt,
    AcceptedByPersonId,
    CreatedAt,
    EditedAt,
}

#[derive(DeriveIden)]
enum IdeaRevision {
    Table,
    Id,
    IdeaId,
    Number,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IdeaEndorsement {
    Table,
    Id,
    IdeaId,
    PersonId,
    OrganizationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum KnowledgeArticle {
    Table,
    Id,
    CommunityId,
    SourceProblemId,
    Title,
    Body,
    Tags,
    State,
    Revision,
    ApplicationCount,
    CreatedByPersonId,
    CreatedByOrganizationId,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum ArticleRevision {
    Table,
    Id,
    ArticleId,
    Number,
    Title,
    Body,
    Tags,
    State,
    AuthorPersonId,
    AuthorOrganizationId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ArticleAuthor {
    Table,
    Id,
    ArticleId,
    PersonId,
    OrganizationId,
    AddedByPersonId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
    CommunityId,
    ArticleId,
    ProblemId,
    PersonId,
    OrganizationId,
    BusinessUnit,
    WhatWasDone,
    Outcome,
    HoursSavedCentis,
    CostSavedMinor,
    CostCurrency,
    QualityNote,
    RiskNote,
    AppliedOn,
    ConfirmationCount,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ApplicationConfirmation {
    Table,
    Id,
    ApplicationId,
    PersonId,
    OrganizationId,
    BusinessUnit,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SearchDocument {
    Table,
    Seq,
    ItemId,
    Kind,
    CommunityId,
    AuthorOrganizationId,
    Tags,
    State,
    Title,
    Body,
    CreatedAt,
}

pub(crate) fn text(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).text().not_null().to_owned()
}

pub(crate) fn counter(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .integer()
        .not_null()
        .default(0)
        .to_owned()
}

pub(crate) fn cols(cols: impl IntoIterator<Item = DynIden>) -> Vec<DynIden> {
    cols.into_iter().collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Problem::Table)
                    .col(uuid_pk(Problem::Id))
                    .col(required_uuid(Problem::CommunityId))
                    .col(required_uuid(Problem::AuthorPersonId))
                    .col(required_uuid(Problem::AuthorOrganizationId))
                    .col(required_string(Problem::Title))
                    .col(text(Problem::Body))
                    .col(ColumnDef::new(Problem::Tags).json().not_null())
                    .col(required_string(Problem::Urgency))
                    .col(required_string(Problem::State))
                    .col(counter(Problem::StateRank))
                    .col(counter(Problem::IdeaCount))
                    .col(counter(Problem::FollowerCount))
                    .col(timestamp(Problem::CreatedAt))
                    .col(timestamp(Problem::UpdatedAt))
                    .col(optional_timestamp(Problem::SolvedAt))
                    .col(ColumnDef::new(Problem::TimeToSolutionSeconds).big_integer())
                    .col(optional_timestamp(Problem::ClosedAt))
                    .foreign_key(&mut references(
                        Problem::Table,
                        Problem::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .foreign_key(&mut references(
                        Problem::Table,
                        Problem::AuthorPersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "problem_community_idx",
            Problem::Table,
            cols([Problem::CommunityId.into_iden(), Problem::Id.into_iden()]),
            false,
        )
        .await?;
        index(
            manager,
            "problem_community_state_rank_idx",
            Problem::Table,
            cols([
                Problem::CommunityId.into_iden(),
                Problem::StateRank.into_iden(),
                Problem::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "problem_author_idx",
            Problem::Table,
            cols([Problem::AuthorPersonId.into_iden()]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProblemFollow::Table)
                    .col(uuid_pk(ProblemFollow::Id))
                    .col(required_uuid(ProblemFollow::ProblemId))
                    .col(required_uuid(ProblemFollow::PersonId))
                    .col(timestamp(ProblemFollow::CreatedAt))
                    .foreign_key(&mut references(
                        ProblemFollow::Table,
                        ProblemFollow::ProblemId,
                        Problem::Table,
                        Problem::Id,
                    ))
                    .foreign_key(&mut references(
                        ProblemFollow::Table,
                        ProblemFollow::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "problem_follow_pair_idx",
            ProblemFollow::Table,
            cols([
                ProblemFollow::ProblemId.into_iden(),
                ProblemFollow::PersonId.into_iden(),
            ]),
            true,
        )
        .await?;
        index(
            manager,
            "problem_follow_person_idx",
            ProblemFollow::Table,
            cols([
                ProblemFollow::PersonId.into_iden(),
                ProblemFollow::Id.into_iden(),
            ]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Idea::Table)
                    .col(uuid_pk(Idea::Id))
                    .col(required_uuid(Idea::ProblemId))
                    .col(required_uuid(Idea::CommunityId))
                    .col(ColumnDef::new(Idea::ParentIdeaId).uuid())
                    .col(required_uuid(Idea::AuthorPersonId))
                    .col(required_uuid(Idea::AuthorOrganizationId))
                    .col(text(Idea::Body))
                    .col(counter(Idea::EndorsementCount))
                    .col(counter(Idea::ReplyCount))
                    .col(counter(Idea::Revision))
                    .col(optional_timestamp(Idea::AcceptedAt))
                    .col(ColumnDef::new(Idea::AcceptedByPersonId).uuid())
                    .col(timestamp(Idea::CreatedAt))
                    .col(optional_timestamp(Idea::EditedAt))
                    .foreign_key(&mut references(
                        Idea::Table,
                        Idea::ProblemId,
                        Problem::Table,
                        Problem::Id,
                    ))
                    .foreign_key(&mut references(
                        Idea::Table,
                        Idea::AuthorPersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idea_problem_parent_idx",
            Idea::Table,
            cols([
                Idea::ProblemId.into_iden(),
                Idea::ParentIdeaId.into_iden(),
                Idea::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "idea_problem_endorsements_idx",
            Idea::Table,
            cols([
                Idea::ProblemId.into_iden(),
                Idea::EndorsementCount.into_iden(),
                Idea::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "idea_parent_idx",
            Idea::Table,
            cols([Idea::ParentIdeaId.into_iden(), Idea::Id.into_iden()]),
            false,
        )
        .await?;
        index(
            manager,
            "idea_community_idx",
            Idea::Table,
            cols([Idea::CommunityId.into_iden()]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdeaRevision::Table)
                    .col(uuid_pk(IdeaRevision::Id))
                    .col(required_uuid(IdeaRevision::IdeaId))
                    .col(ColumnDef::new(IdeaRevision::Number).integer().not_null())
                    .col(text(IdeaRevision::Body))
                    .col(timestamp(IdeaRevision::CreatedAt))
                    .foreign_key(&mut references(
                        IdeaRevision::Table,
                        IdeaRevision::IdeaId,
                        Idea::Table,
                        Idea::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idea_revision_number_idx",
            IdeaRevision::Table,
            cols([
                IdeaRevision::IdeaId.into_iden(),
                IdeaRevision::Number.into_iden(),
            ]),
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdeaEndorsement::Table)
                    .col(uuid_pk(IdeaEndorsement::Id))
                    .col(required_uuid(IdeaEndorsement::IdeaId))
                    .col(required_uuid(IdeaEndorsement::PersonId))
                    .col(required_uuid(IdeaEndorsement::OrganizationId))
                    .col(timestamp(IdeaEndorsement::CreatedAt))
                    .foreign_key(&mut references(
                        IdeaEndorsement::Table,
                        IdeaEndorsement::IdeaId,
                        Idea::Table,
                        Idea::Id,
                    ))
                    .foreign_key(&mut references(
                        IdeaEndorsement::Table,
                        IdeaEndorsement::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idea_endorsement_pair_idx",
            IdeaEndorsement::Table,
            cols([
                IdeaEndorsement::IdeaId.into_iden(),
                IdeaEndorsement::PersonId.into_iden(),
            ]),
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(KnowledgeArticle::Table)
                    .col(uuid_pk(KnowledgeArticle::Id))
                    .col(required_uuid(KnowledgeArticle::CommunityId))
                    .col(ColumnDef::new(KnowledgeArticle::SourceProblemId).uuid())
                    .col(required_string(KnowledgeArticle::Title))
                    .col(text(KnowledgeArticle::Body))
                    .col(ColumnDef::new(KnowledgeArticle::Tags).json().not_null())
                    .col(required_string(KnowledgeArticle::State))
                    .col(counter(KnowledgeArticle::Revision))
                    .col(counter(KnowledgeArticle::ApplicationCount))
                    .col(required_uuid(KnowledgeArticle::CreatedByPersonId))
                    .col(required_uuid(KnowledgeArticle::CreatedByOrganizationId))
                    .col(timestamp(KnowledgeArticle::CreatedAt))
                    .col(timestamp(KnowledgeArticle::UpdatedAt))
                    .col(optional_timestamp(KnowledgeArticle::PublishedAt))
                    .foreign_key(&mut references(
                        KnowledgeArticle::Table,
                        KnowledgeArticle::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "knowledge_article_community_idx",
            KnowledgeArticle::Table,
            cols([
                KnowledgeArticle::CommunityId.into_iden(),
                KnowledgeArticle::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "knowledge_article_applied_idx",
            KnowledgeArticle::Table,
            cols([
                KnowledgeArticle::CommunityId.into_iden(),
                KnowledgeArticle::ApplicationCount.into_iden(),
                KnowledgeArticle::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "knowledge_article_problem_idx",
            KnowledgeArticle::Table,
            cols([KnowledgeArticle::SourceProblemId.into_iden()]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ArticleRevision::Table)
                    .col(uuid_pk(ArticleRevision::Id))
                    .col(required_uuid(ArticleRevision::ArticleId))
                    .col(ColumnDef::new(ArticleRevision::Number).integer().not_null())
                    .col(required_string(ArticleRevision::Title))
                    .col(text(ArticleRevision::Body))
                    .col(ColumnDef::new(ArticleRevision::Tags).json().not_null())
                    .col(required_string(ArticleRevision::State))
                    .col(required_uuid(ArticleRevision::AuthorPersonId))
                    .col(required_uuid(ArticleRevision::AuthorOrganizationId))
                    .col(text(ArticleRevision::Note))
                    .col(timestamp(ArticleRevision::CreatedAt))
                    .foreign_key(&mut references(
                        ArticleRevision::Table,
                        ArticleRevision::ArticleId,
                        KnowledgeArticle::Table,
                        KnowledgeArticle::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "article_revision_number_idx",
            ArticleRevision::Table,
            cols([
                ArticleRevision::ArticleId.into_iden(),
                ArticleRevision::Number.into_iden(),
            ]),
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ArticleAuthor::Table)
                    .col(uuid_pk(ArticleAuthor::Id))
                    .col(required_uuid(ArticleAuthor::ArticleId))
                    .col(required_uuid(ArticleAuthor::PersonId))
                    .col(required_uuid(ArticleAuthor::OrganizationId))
                    .col(required_uuid(ArticleAuthor::AddedByPersonId))
                    .col(timestamp(ArticleAuthor::CreatedAt))
                    .foreign_key(&mut references(
                        ArticleAuthor::Table,
                        ArticleAuthor::ArticleId,
                        KnowledgeArticle::Table,
                        KnowledgeArticle::Id,
                    ))
                    .foreign_key(&mut references(
                        ArticleAuthor::Table,
                        ArticleAuthor::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "article_author_pair_idx",
            ArticleAuthor::Table,
            cols([
                ArticleAuthor::ArticleId.into_iden(),
                ArticleAuthor::PersonId.into_iden(),
            ]),
            true,
        )
        .await?;
        index(
            manager,
            "article_author_person_idx",
            ArticleAuthor::Table,
            cols([ArticleAuthor::PersonId.into_iden()]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Application::Table)
                    .col(uuid_pk(Application::Id))
                    .col(required_uuid(Application::CommunityId))
                    .col(ColumnDef::new(Application::ArticleId).uuid())
                    .col(ColumnDef::new(Application::ProblemId).uuid())
                    .col(required_uuid(Application::PersonId))
                    .col(required_uuid(Application::OrganizationId))
                    .col(required_string(Application::BusinessUnit))
                    .col(text(Application::WhatWasDone))
                    .col(text(Application::Outcome))
                    .col(ColumnDef::new(Application::HoursSavedCentis).big_integer())
                    .col(ColumnDef::new(Application::CostSavedMinor).big_integer())
                    .col(ColumnDef::new(Application::CostCurrency).string())
                    .col(ColumnDef::new(Application::QualityNote).text())
                    .col(ColumnDef::new(Application::RiskNote).text())
                    .col(ColumnDef::new(Application::AppliedOn).date().not_null())
                    .col(counter(Application::ConfirmationCount))
                    .col(timestamp(Application::CreatedAt))
                    .foreign_key(&mut references(
                        Application::Table,
                        Application::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .foreign_key(&mut references(
                        Application::Table,
                        Application::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("application_community_idx", Application::CommunityId),
            ("application_article_idx", Application::ArticleId),
            ("application_problem_idx", Application::ProblemId),
            ("application_organization_idx", Application::OrganizationId),
        ] {
            index(
                manager,
                name,
                Application::Table,
                cols([col.into_iden(), Application::Id.into_iden()]),
                false,
            )
            .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ApplicationConfirmation::Table)
                    .col(uuid_pk(ApplicationConfirmation::Id))
                    .col(required_uuid(ApplicationConfirmation::ApplicationId))
                    .col(required_uuid(ApplicationConfirmation::PersonId))
                    .col(required_uuid(ApplicationConfirmation::OrganizationId))
                    .col(ColumnDef::new(ApplicationConfirmation::BusinessUnit).string())
                    .col(ColumnDef::new(ApplicationConfirmation::Note).text())
                    .col(timestamp(ApplicationConfirmation::CreatedAt))
                    .foreign_key(&mut references(
                        ApplicationConfirmation::Table,
                        ApplicationConfirmation::ApplicationId,
                        Application::Table,
                        Application::Id,
                    ))
                    .foreign_key(&mut references(
                        ApplicationConfirmation::Table,
                        ApplicationConfirmation::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "application_confirmation_pair_idx",
            ApplicationConfirmation::Table,
            cols([
                ApplicationConfirmation::ApplicationId.into_iden(),
                ApplicationConfirmation::PersonId.into_iden(),
            ]),
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SearchDocument::Table)
                    .col(
                        ColumnDef::new(SearchDocument::Seq)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(required_uuid(SearchDocument::ItemId))
                    .col(required_string(SearchDocument::Kind))
                    .col(required_uuid(SearchDocument::CommunityId))
                    .col(required_uuid(SearchDocument::AuthorOrganizationId))
                    .col(ColumnDef::new(SearchDocument::Tags).json().not_null())
                    .col(required_string(SearchDocument::State))
                    .col(text(SearchDocument::Title))
                    .col(text(SearchDocument::Body))
                    .col(timestamp(SearchDocument::CreatedAt))
                    .foreign_key(&mut references(
                        SearchDocument::Table,
                        SearchDocument::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "search_document_item_idx",
            SearchDocument::Table,
            cols([SearchDocument::ItemId.into_iden()]),
            true,
        )
        .await?;
        index(
            manager,
            "search_document_community_idx",
            SearchDocument::Table,
            cols([
                SearchDocument::CommunityId.into_iden(),
                SearchDocument::Kind.into_iden(),
            ]),
            false,
        )
        .await?;

        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                for statement in SQLITE_FTS {
                    db.execute_unprepared(statement).await?;
                }
            }
            DatabaseBackend::Postgres => {
                for statement in POSTGRES_FTS {
                    db.execute_unprepared(statement).await?;
                }
            }
            _ => {
                return Err(DbErr::Migration(
                    "Praxis runs on SQLite or PostgreSQL".to_owned(),
                ))
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            manager
                .get_connection()
                .execute_unprepared("DROP TABLE IF EXISTS search_fts")
                .await?;
        }
        for table in [
            SearchDocument::Table.into_iden(),
            ApplicationConfirmation::Table.into_iden(),
            Application::Table.into_iden(),
            ArticleAuthor::Table.into_iden(),
            ArticleRevision::Table.into_iden(),
            KnowledgeArticle::Table.into_iden(),
            IdeaEndorsement::Table.into_iden(),
            IdeaRevision::Table.into_iden(),
            Idea::Table.into_iden(),
            ProblemFollow::Table.into_iden(),
            Problem::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// FTS5 over `search_document` (external content, so the text is stored once), Porter
/// stemming over Unicode words; the triggers keep it in step with every write.
const SQLITE_FTS: [&str; 4] = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_document', \
     content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN \
     INSERT INTO search_fts(rowid, title, body) VALUES (new.seq, new.title, new.body); END",
    "CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN \
     INSERT INTO search_fts(search_fts, rowid, title, body) \
     VALUES ('delete', old.seq, old.title, old.body); END",
    "CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN \
     INSERT INTO search_fts(search_fts, rowid, title, body) \
     VALUES ('delete', old.seq, old.title, old.body); \
     INSERT INTO search_fts(rowid, title, body) VALUES (new.seq, new.title, new.body); END",
];

/// A stored, weighted `tsvector` (title A, body B) with a GIN index.
const POSTGRES_FTS: [&str; 2] = [
    "ALTER TABLE search_document ADD COLUMN search_vector tsvector GENERATED ALWAYS AS \
     (setweight(to_tsvector('english', title), 'A') || \
     setweight(to_tsvector('english', body), 'B')) STORED",
    "CREATE INDEX search_document_vector_idx ON search_document USING GIN (search_vector)",
];
