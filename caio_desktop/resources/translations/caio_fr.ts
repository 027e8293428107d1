<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>FileEditor</name>
    <message>
        <source>Deliverable file</source>
        <translation>Fichier du livrable</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Fichier introuvable : %1</translation>
    </message>
</context>
<context>
    <name></name>
    <message>
        <location filename="../../ui/passphrase.py" line="23"/>
        <source>Passphrase of %1</source>
        <translation>Phrase secrète de %1</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="25"/>
        <source>The passphrase is wrong.</source>
        <translation>La phrase secrète est erronée.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase.py" line="26"/>
        <source>Encrypted workspace</source>
        <translation>Mission chiffrée</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="34"/>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../ui/evidence/model.py" line="23"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="24"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="25"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="26"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="27"/>
        <source>Attached by</source>
        <translation>Joint par</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="75"/>
        <source>missing</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="86"/>
        <source>The linked file is missing: {}</source>
        <translation>Le fichier lié est introuvable : {}</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/evidence/panel.py" line="74"/>
        <source>Evidence files</source>
        <translation>Preuves jointes</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="92"/>
        <source>Drop files here, or use Add. Files are kept inside the engagement file.</source>
        <translation>Déposez des fichiers ici, ou utilisez Ajouter. Les fichiers sont conservés dans le fichier de la mission.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="97"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="98"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="99"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="144"/>
        <location filename="../../ui/evidence/panel.py" line="156"/>
        <source>Attach evidence files</source>
        <translation>Joindre des preuves</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="171"/>
        <source>Open evidence file</source>
        <translation>Ouvrir une preuve</translation>
    </message>
</context>
<context>
    <name>BaselineDialog</name>
    <message>
        <location filename="../../ui/changes/view.py" line="54"/>
        <source>Mark a baseline</source>
        <translation>Marquer une référence</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="57"/>
        <source>e.g. Steering committee 3</source>
        <translation>p. ex. COPIL 3</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="60"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="61"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>ChangePage</name>
    <message>
        <location filename="../../ui/pages/change.py" line="13"/>
        <source>Change</source>
        <translation>Conduite du changement</translation>
    </message>
    <message>
        <location filename="../../ui/pages/change.py" line="16"/>
        <source>Who must be on board, how they are trained and what they are told.</source>
        <translation>Qui embarquer, comment les former et quoi leur dire.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/change.py" line="25"/>
        <source>Influence × interest</source>
        <translation>Influence × intérêt</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <location filename="../../ui/changes/models.py" line="38"/>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <location filename="../../ui/changes/models.py" line="39"/>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location filename="../../ui/changes/models.py" line="40"/>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location filename="../../ui/changes/models.py" line="110"/>
        <location filename="../../ui/changes/models.py" line="147"/>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location filename="../../ui/changes/models.py" line="148"/>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <location filename="../../ui/changes/models.py" line="149"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../ui/changes/models.py" line="150"/>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../../ui/changes/view.py" line="85"/>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="170"/>
        <source>From</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="171"/>
        <source>To</source>
        <translation>Jusqu&apos;à</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="172"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="173"/>
        <source>Mark a baseline…</source>
        <translation>Marquer une référence…</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="174"/>
        <source>Snapshot the engagement now under a name and a date, e.g. the day of a steering committee</source>
        <translation>Prendre un instantané de la mission sous un nom et une date, p. ex. le jour d&apos;un comité de pilotage</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="176"/>
        <source>Filter the changes</source>
        <translation>Filtrer les changements</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="180"/>
        <source>All changes</source>
        <translation>Tous les changements</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="217"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="219"/>
        <source>Baseline %1</source>
        <translation>Référence %1</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="220"/>
        <source>Snapshot %1</source>
        <translation>Instantané %1</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="260"/>
        <source>Comparing</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="282"/>
        <source>Choose two states of the engagement and compare them.</source>
        <translation>Choisissez deux états de la mission et comparez-les.</translation>
    </message>
    <message>
        <location filename="../../ui/changes/view.py" line="287"/>
        <source>%1 → %2: no change</source>
        <translation>%1 → %2 : aucun changement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/changes/view.py" line="288"/>
        <source>%1 → %2: %n change(s)</source>
        <translation>
            <numerusform>%1 → %2 : %n changement</numerusform>
            <numerusform>%1 → %2 : %n changements</numerusform>
        </translation>
    </message>
    <message>
        <source>An engagement on a server keeps no snapshots to compare: take it offline with caio checkout to compare its states.</source>
        <translation>Une mission sur un serveur ne garde pas d'instantanés à comparer : faites-en une copie hors ligne avec caio checkout pour comparer ses états.</translation>
    </message>
</context>
<context>
    <name>ClassificationDialog</name>
    <message>
        <location filename="../../ui/ai_act/classification_dialog.py" line="57"/>
        <source>%1 Unverified: to be confirmed against the Official Journal.</source>
        <translation>%1 Non vérifié : à confirmer au Journal officiel.</translation>
    </message>
    <message>
        <location filename="../../ui/ai_act/classification_dialog.py" line="120"/>
        <source>Prohibited from %1</source>
        <translation>Interdit à compter du %1</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../ui/registers/editors.py" line="198"/>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
</context>
<context>
    <name>DeliverablesPage</name>
    <message>
        <location filename="../../ui/deliverables/page.py" line="396"/>
        <source>Nothing to show yet in: %1. These sections will read “Nothing recorded yet”.</source>
        <translation>Rien à montrer pour l&apos;instant dans : %1. Ces sections indiqueront « Aucun élément à ce jour ».</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="235"/>
        <source>Deliverables</source>
        <translation>Livrables</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="237"/>
        <source>The documents of the engagement, in the client&apos;s language, from the data of this file.</source>
        <translation>Les documents de la mission, dans la langue du client, établis à partir des données de ce fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="238"/>
        <source>Deliverable</source>
        <translation>Livrable</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="243"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="244"/>
        <source>As of</source>
        <translation>Arrêté au</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="245"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="247"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="252"/>
        <source>Workbook and import</source>
        <translation>Classeur et import</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="253"/>
        <source>Issued</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="255"/>
        <source>Export Excel workbook…</source>
        <translation>Exporter le classeur Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="256"/>
        <source>Import a spreadsheet…</source>
        <translation>Importer un tableur…</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="257"/>
        <source>Audit pack…</source>
        <translation>Dossier de preuves…</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="259"/>
        <source>A zip of every compliance requirement with its evidence files and an index (Excel and PDF).</source>
        <translation>Un zip de chaque exigence de conformité avec ses preuves et un index (Excel et PDF).</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="345"/>
        <source>Nothing issued yet.</source>
        <translation>Rien de remis pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="353"/>
        <source>Preview — %1</source>
        <translation>Aperçu — %1</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="361"/>
        <source>The Excel export is not part of this build.</source>
        <translation>L&apos;export Excel ne fait pas partie de cette version.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="364"/>
        <source>The importer is not part of this build.</source>
        <translation>L&apos;import ne fait pas partie de cette version.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="372"/>
        <source>Open an engagement to see its deliverables.</source>
        <translation>Ouvrez une mission pour voir ses livrables.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="374"/>
        <source>Preparing the preview…</source>
        <translation>Préparation de l&apos;aperçu…</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="392"/>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="392"/>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="410"/>
        <source>Export the deliverable</source>
        <translation>Exporter le livrable</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="440"/>
        <source>Exporting %1</source>
        <translation>Export de %1</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="449"/>
        <source>Export the Excel workbook</source>
        <translation>Exporter le classeur Excel</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="467"/>
        <source>Exporting the workbook</source>
        <translation>Export du classeur</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="478"/>
        <source>Write the audit pack</source>
        <translation>Écrire le dossier de preuves</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="489"/>
        <location filename="../../ui/deliverables/page.py" line="516"/>
        <source>Written: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Written: %1 (not added to the issued deliverables: the engagement is read-only)</source>
        <translation>Enregistré : %1 (non ajouté aux livrables remis : la mission est en lecture seule)</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="493"/>
        <source>Writing the audit pack</source>
        <translation>Écriture du dossier de preuves</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="522"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="246"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="248"/>
        <source>Open when done</source>
        <translation>Ouvrir une fois terminé</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="249"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="250"/>
        <source>Your text</source>
        <translation>Vos textes</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="323"/>
        <source>Only the steering committee report and the diagnosis are made as a PowerPoint deck.</source>
        <translation>Seuls le rapport de comité de pilotage et le diagnostic existent en présentation PowerPoint.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="434"/>
        <source>Template incomplete</source>
        <translation>Modèle incomplet</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/page.py" line="435"/>
        <source>%1 was written with the default template for what the chosen one lacks:</source>
        <translation>%1 a été écrit avec le modèle par défaut pour ce qui manque au modèle choisi :</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/narrative.py" line="126"/>
        <source>Your words in the %1 (%2). A field left empty is written from the data.</source>
        <translation>Vos textes pour « %1 » (%2). Un champ laissé vide est rédigé à partir des données.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/narrative.py" line="132"/>
        <source>One item a line.</source>
        <translation>Un élément par ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/narrative.py" line="135"/>
        <source>Empty: written from the data.</source>
        <translation>Vide : rédigé à partir des données.</translation>
    </message>
    <message>
        <location filename="../../ui/deliverables/templates.py" line="46"/>
        <source>The template %1 chosen in Preferences is no longer there; the default template was used.</source>
        <translation>Le modèle %1 choisi dans les Préférences n&apos;existe plus ; le modèle par défaut a été utilisé.</translation>
    </message>
</context>
<context>
    <name>DetailForm</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the linked row (%1)</source>
        <translation>Ouvrir l’élément lié (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/registers/form.py" line="200"/>
        <source>Select a row to see its details, or add one with “Add”.</source>
        <translation>Sélectionnez une ligne pour voir son détail, ou ajoutez-en une avec « Ajouter ».</translation>
    </message>
</context>
<context>
    <name>DiagnosisPage</name>
    <message>
        <location filename="../../ui/pages/diagnosis.py" line="17"/>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/diagnosis.py" line="20"/>
        <source>Where the client stands on AI: maturity by dimension, interviews and findings.</source>
        <translation>Où en est le client sur l&apos;IA : maturité par dimension, entretiens et constats.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/diagnosis.py" line="32"/>
        <source>Current and target maturity</source>
        <translation>Maturité actuelle et cible</translation>
    </message>
    <message>
        <location filename="../../ui/pages/diagnosis.py" line="40"/>
        <source>Rate by dimension</source>
        <translation>Noter par dimension</translation>
    </message>
    <message>
        <location filename="../../ui/pages/diagnosis.py" line="49"/>
        <source>Surveys</source>
        <translation>Enquêtes</translation>
    </message>
</context>
<context>
    <name>EngagementPage</name>
    <message>
        <location filename="../../ui/pages/engagement.py" line="31"/>
        <location filename="../../ui/pages/engagement.py" line="42"/>
        <source>Engagement</source>
        <translation>Mission</translation>
    </message>
    <message>
        <location filename="../../ui/pages/engagement.py" line="34"/>
        <source>The client, the mission&apos;s dates and branding, its phases and the client team.</source>
        <translation>Le client, les dates et l&apos;identité visuelle de la mission, ses phases et l&apos;équipe client.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/engagement.py" line="26"/>
        <location filename="../../ui/pages/engagement.py" line="64"/>
        <location filename="../../ui/pages/engagement.py" line="106"/>
        <source>Client logo</source>
        <translation>Logo du client</translation>
    </message>
    <message>
        <location filename="../../ui/pages/engagement.py" line="73"/>
        <source>Choose a logo…</source>
        <translation>Choisir un logo…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/engagement.py" line="74"/>
        <source>Remove the logo</source>
        <translation>Retirer le logo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/engagement.py" line="92"/>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../ui/shell/files.py" line="33"/>
        <source>Open an engagement</source>
        <translation>Ouvrir une mission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="34"/>
        <location filename="../../ui/shell/files.py" line="42"/>
        <source>CAIO engagements (*.caio)</source>
        <translation>Missions CAIO (*.caio)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="41"/>
        <source>Save a copy as</source>
        <translation>Enregistrer une copie sous</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="171"/>
        <source>Restore the snapshot of %1</source>
        <translation>Restaurer l&apos;instantané du %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="149"/>
        <source>The file of this engagement is damaged: what it shows may be incomplete and some changes may fail. Details: %1</source>
        <translation>Le fichier de cette mission est endommagé : ce qu’il affiche peut être incomplet et certaines modifications peuvent échouer. Détails : %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="151"/>
        <source>Damaged engagement file</source>
        <translation>Fichier de mission endommagé</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="105"/>
        <source>Encryption interrupted</source>
        <translation>Chiffrement interrompu</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="106"/>
        <source>An encryption of this engagement was interrupted: the file is still not encrypted, and some of its snapshots may be. Run the encryption again, or decrypt the snapshots.</source>
        <translation>Le chiffrement de cette mission a été interrompu : le fichier n&apos;est toujours pas chiffré, et certains de ses instantanés le sont peut-être. Relancez le chiffrement, ou déchiffrez les instantanés.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="203"/>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="205"/>
        <source>Enter the passphrase…</source>
        <translation>Saisir la phrase secrète…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="206"/>
        <source>Cannot open the engagement</source>
        <translation>Impossible d&apos;ouvrir la mission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="181"/>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="232"/>
        <source>Cannot create the engagement</source>
        <translation>Impossible de créer la mission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/files.py" line="256"/>
        <source>Cannot save the copy</source>
        <translation>Impossible d&apos;enregistrer la copie</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="49"/>
        <location filename="../../ui/importer/pages_source.py" line="74"/>
        <source>Spreadsheet to import</source>
        <translation>Tableur à importer</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="50"/>
        <source>Excel (xlsx, xlsm, xls), OpenDocument (ods) or CSV. Nothing is written before the last step.</source>
        <translation>Excel (xlsx, xlsm, xls), OpenDocument (ods) ou CSV. Rien n&apos;est écrit avant la dernière étape.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="54"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="60"/>
        <source>(guess from the column headers)</source>
        <translation>(deviner d&apos;après les en-têtes de colonnes)</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="67"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="68"/>
        <source>Import into</source>
        <translation>Importer dans</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="97"/>
        <source>The column headers do not tell which register this sheet belongs to: choose it in the list.</source>
        <translation>Les en-têtes de colonnes ne disent pas à quel registre cette feuille appartient : choisissez-le dans la liste.</translation>
    </message>
</context>
<context>
    <name>GovernancePage</name>
    <message>
        <source>Issued deliverables</source>
        <translation>Livrables remis</translation>
    </message>
    <message>
        <source>Prepare a deliverable →</source>
        <translation>Préparer un livrable →</translation>
    </message>
    <message>
        <source>Previews and exports are made on the Deliverables page; each export is recorded here.</source>
        <translation>Les aperçus et les exports se font dans la page Livrables ; chaque export est consigné ici.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/governance.py" line="27"/>
        <source>Governance</source>
        <translation>Gouvernance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/governance.py" line="30"/>
        <source>Decisions of the governance bodies and the actions that follow them.</source>
        <translation>Décisions des instances de gouvernance et actions qui en découlent.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/governance.py" line="48"/>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <location filename="../../ui/pages/governance.py" line="60"/>
        <location filename="../../ui/pages/governance.py" line="75"/>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/governance.py" line="61"/>
        <source>Actions whose owner is the consultant of the engagement</source>
        <translation>Actions dont le responsable est le consultant de la mission</translation>
    </message>
    <message>
        <location filename="../../ui/pages/governance.py" line="62"/>
        <location filename="../../ui/pages/governance.py" line="79"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/importer/wizard.py" line="32"/>
        <source>Import a spreadsheet</source>
        <translation>Importer un tableur</translation>
    </message>
</context>
<context>
    <name>Logos</name>
    <message>
        <location filename="../../ui/logos.py" line="12"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/logos.py" line="56"/>
        <source>The file is larger than 2 MB.</source>
        <translation>Le fichier dépasse 2 Mo.</translation>
    </message>
    <message>
        <location filename="../../ui/logos.py" line="58"/>
        <source>The SVG declares a DOCTYPE or an ENTITY, which a logo never needs: it is refused for safety.</source>
        <translation>Le SVG déclare un DOCTYPE ou une ENTITY, dont un logo n&apos;a jamais besoin : il est refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../../ui/logos.py" line="61"/>
        <source>The SVG file is damaged (not well-formed XML).</source>
        <translation>Le fichier SVG est endommagé (XML mal formé).</translation>
    </message>
    <message>
        <location filename="../../ui/logos.py" line="63"/>
        <source>The file is an XML document but not an SVG image.</source>
        <translation>Le fichier est un document XML mais pas une image SVG.</translation>
    </message>
    <message>
        <location filename="../../ui/logos.py" line="64"/>
        <source>The file is not a PNG, JPEG or SVG image.</source>
        <translation>Le fichier n&apos;est pas une image PNG, JPEG ou SVG.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/window.py" line="510"/>
        <source>&lt;h3&gt;CAIO Desktop in five minutes&lt;/h3&gt;&lt;p&gt;&lt;b&gt;One file, one engagement.&lt;/b&gt; Every edit is saved as you make it; Ctrl+Z undoes it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The pages follow the mission:&lt;/b&gt; Engagement, Diagnosis (rate each dimension), AI systems, Strategy, Roadmap &amp;amp; KPIs, Change, Risks &amp;amp; compliance, Governance, then Deliverables, built from what you entered.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Registers&lt;/b&gt;: Add a row, paste rows copied from Excel (Ctrl+V in the table, or Edit › Paste rows: a first line of column titles matches the columns, else the cells follow the columns shown), or bring the client&apos;s rows with File › Import a spreadsheet; edit in the table or in the form beside it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Search&lt;/b&gt;: Ctrl+Shift+F (Edit › Search the engagement) looks in every register at once, accents or not; Enter opens the row on its page. Ctrl+F filters the register shown.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys&lt;/b&gt;: Ctrl+1…9 and Ctrl+0 the pages · Ctrl+F search the register · Ctrl+Shift+F search the engagement · Ctrl+C copy the selected rows for Excel · Ctrl+V paste rows from Excel · Delete (table) or Ctrl+Del delete rows · Ctrl+Z / Ctrl+Y undo, redo.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CAIO Desktop en cinq minutes&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Un fichier, une mission.&lt;/b&gt; Chaque modification est enregistrée aussitôt ; Ctrl+Z l&apos;annule.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Les pages suivent la mission :&lt;/b&gt; Mission, Diagnostic (notez chaque dimension), Systèmes d&apos;IA, Stratégie, Feuille de route et KPI, Conduite du changement, Risques et conformité, Gouvernance, puis Livrables, établis à partir de ce que vous avez saisi.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Registres&lt;/b&gt; : ajoutez une ligne, collez des lignes copiées d&apos;Excel (Ctrl+V dans le tableau, ou Édition › Coller des lignes : une première ligne de titres de colonnes fait correspondre les colonnes, sinon les cellules suivent les colonnes affichées), ou reprenez celles du client par Fichier › Importer un tableur ; modifiez dans le tableau ou dans le formulaire à côté.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Recherche&lt;/b&gt; : Ctrl+Maj+F (Édition › Rechercher dans la mission) cherche dans tous les registres à la fois, avec ou sans accents ; Entrée ouvre la ligne sur sa page. Ctrl+F filtre le registre affiché.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Touches&lt;/b&gt; : Ctrl+1…9 et Ctrl+0 les pages · Ctrl+F rechercher dans le registre · Ctrl+Maj+F rechercher dans la mission · Ctrl+C copier les lignes sélectionnées pour Excel · Ctrl+V coller des lignes d&apos;Excel · Suppr (tableau) ou Ctrl+Suppr supprimer des lignes · Ctrl+Z / Ctrl+Y annuler, rétablir.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="530"/>
        <source>Quick guide</source>
        <translation>Guide rapide</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="268"/>
        <source>Quick &amp;guide</source>
        <translation>&amp;Guide rapide</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="253"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="254"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="255"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="256"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="257"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="259"/>
        <source>&amp;New engagement…</source>
        <translation>&amp;Nouvelle mission…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="259"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="260"/>
        <source>Save a &amp;copy as…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="260"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="261"/>
        <source>Open the &amp;demo</source>
        <translation>Ouvrir la &amp;démo</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="261"/>
        <source>&amp;Import a spreadsheet…</source>
        <translation>&amp;Importer un tableur…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="262"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="262"/>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="263"/>
        <source>&amp;Delete selected rows</source>
        <translation>&amp;Supprimer les lignes sélectionnées</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="263"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="264"/>
        <source>&amp;About CAIO Desktop</source>
        <translation>À &amp;propos de CAIO Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="269"/>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="479"/>
        <source>Undo not possible</source>
        <translation>Annulation impossible</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="241"/>
        <location filename="../../ui/shell/window.py" line="271"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="239"/>
        <location filename="../../ui/shell/window.py" line="272"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;ouverture&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="283"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="284"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="320"/>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="334"/>
        <source>Undone: %1</source>
        <translation>Annulé : %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="338"/>
        <source>Redone: %1</source>
        <translation>Rétabli : %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="429"/>
        <source>No recent engagement</source>
        <translation>Aucune mission récente</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window.py" line="432"/>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>Open &amp;team engagement…</source>
        <translation>Ouvrir une mission d'é&amp;quipe…</translation>
    </message>
    <message>
        <source>Updated by %1</source>
        <translation>Mis à jour par %1</translation>
    </message>
    <message>
        <source>another consultant</source>
        <translation>un autre consultant</translation>
    </message>
    <message>
        <source>The server does not answer; trying again (%1)</source>
        <translation>Le serveur ne répond pas ; nouvel essai (%1)</translation>
    </message>
    <message>
        <source>Your steps</source>
        <translation>Vos étapes</translation>
    </message>
    <message>
        <source>Everyone's changes</source>
        <translation>Les modifications de tous</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="43"/>
        <source>Columns and fields</source>
        <translation>Colonnes et champs</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="44"/>
        <source>Columns left as custom attributes are kept with each row, so nothing in the sheet is lost.</source>
        <translation>Les colonnes laissées en attributs personnalisés sont conservées avec chaque ligne : rien de la feuille n&apos;est perdu.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="47"/>
        <source>Column in the sheet</source>
        <translation>Colonne de la feuille</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="47"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="48"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="52"/>
        <source>Remember this mapping for the next import into this register</source>
        <translation>Retenir cette correspondance pour le prochain import dans ce registre</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="54"/>
        <source>Load mapping file…</source>
        <translation>Charger un fichier de correspondance…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="56"/>
        <source>Save mapping file…</source>
        <translation>Enregistrer le fichier de correspondance…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="70"/>
        <source>Load mapping file</source>
        <translation>Charger un fichier de correspondance</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="75"/>
        <source>Save mapping file</source>
        <translation>Enregistrer le fichier de correspondance</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="97"/>
        <source>(keep as a custom attribute)</source>
        <translation>(garder en attribut personnalisé)</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_mapping.py" line="128"/>
        <source>Choose a column for each required field (*): %1</source>
        <translation>Choisissez une colonne pour chaque champ obligatoire (*) : %1</translation>
    </message>
</context>
<context>
    <name>MaturityRatingView</name>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="147"/>
        <source>New assessment</source>
        <translation>Nouvelle évaluation</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="148"/>
        <source>No assessment yet: create one to rate the dimensions.</source>
        <translation>Aucune évaluation pour l&apos;instant : créez-en une pour noter les dimensions.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="138"/>
        <source>Assessment:</source>
        <translation>Évaluation :</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="139"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="139"/>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="139"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="140"/>
        <source>Current level</source>
        <translation>Niveau actuel</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="141"/>
        <source>Target level</source>
        <translation>Niveau cible</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/rating_view.py" line="232"/>
        <source>Choose a dimension</source>
        <translation>Choisissez une dimension</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/shell/navigation.py" line="49"/>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="50"/>
        <source>Engagement</source>
        <translation>Mission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="51"/>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="52"/>
        <source>AI systems</source>
        <translation>Systèmes d&apos;IA</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="53"/>
        <source>Strategy &amp; use cases</source>
        <translation>Stratégie et cas d&apos;usage</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="54"/>
        <source>Roadmap &amp; KPIs</source>
        <translation>Feuille de route et KPI</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="55"/>
        <source>Change</source>
        <translation>Conduite du changement</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="56"/>
        <source>Risks &amp; compliance</source>
        <translation>Risques et conformité</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="57"/>
        <source>Governance</source>
        <translation>Gouvernance</translation>
    </message>
    <message>
        <location filename="../../ui/shell/navigation.py" line="58"/>
        <source>Deliverables</source>
        <translation>Livrables</translation>
    </message>
</context>
<context>
    <name>NewEngagementWizard</name>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="57"/>
        <location filename="../../ui/shell/new_engagement.py" line="119"/>
        <source>New engagement</source>
        <translation>Nouvelle mission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="67"/>
        <source>The client</source>
        <translation>Le client</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="68"/>
        <source>Who the engagement is for. Everything else can be changed later.</source>
        <translation>Pour qui est la mission. Tout le reste pourra être modifié ensuite.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="77"/>
        <source>Client *</source>
        <translation>Client *</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="78"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="79"/>
        <source>Consultant</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="85"/>
        <source>The mission</source>
        <translation>La mission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="86"/>
        <source>The language of the deliverables, the start and the length of the mission.</source>
        <translation>La langue des livrables, le début et la durée de la mission.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="97"/>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="98"/>
        <source>Language of deliverables</source>
        <translation>Langue des livrables</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="99"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="100"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="105"/>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="106"/>
        <source>One engagement, one .caio file. Keep it in the client&apos;s folder.</source>
        <translation>Une mission, un fichier .caio. Rangez-le dans le dossier du client.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="110"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="114"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/new_engagement.py" line="120"/>
        <source>CAIO engagements (*.caio)</source>
        <translation>Missions CAIO (*.caio)</translation>
    </message>
</context>
<context>
    <name>NewFormDialog</name>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="148"/>
        <source>New survey form</source>
        <translation>Nouveau questionnaire</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="151"/>
        <source>Maturity questionnaire</source>
        <translation>Questionnaire de maturité</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="152"/>
        <source>AI-usage questionnaire</source>
        <translation>Questionnaire sur l&apos;usage de l&apos;IA</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="156"/>
        <source>Wave 1</source>
        <translation>Vague 1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="163"/>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="164"/>
        <source>Anonymous: ask no name, keep none</source>
        <translation>Anonyme : aucun nom demandé ni conservé</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="165"/>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="166"/>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="167"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="168"/>
        <source>People invited</source>
        <translation>Personnes sollicitées</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="84"/>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="126"/>
        <source>Progress through the phases</source>
        <translation>Avancement par phase</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="127"/>
        <source>Registers</source>
        <translation>Registres</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="130"/>
        <source>Top risks</source>
        <translation>Risques majeurs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="131"/>
        <source>Overdue actions</source>
        <translation>Actions en retard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="128"/>
        <source>Upcoming milestones and trainings</source>
        <translation>Prochains jalons et formations</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="145"/>
        <source>What changed since the last committee →</source>
        <translation>Ce qui a changé depuis le dernier comité →</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="261"/>
        <source>Engagement</source>
        <translation>Mission</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="261"/>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="262"/>
        <source>AI systems</source>
        <translation>Systèmes d&apos;IA</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="262"/>
        <source>Strategy &amp; use cases</source>
        <translation>Stratégie et cas d&apos;usage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="263"/>
        <source>Roadmap &amp; KPIs</source>
        <translation>Feuille de route et KPI</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="263"/>
        <source>Change</source>
        <translation>Conduite du changement</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="264"/>
        <source>Risks &amp; compliance</source>
        <translation>Risques et conformité</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="264"/>
        <source>Governance</source>
        <translation>Gouvernance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="288"/>
        <source>No overdue action.</source>
        <translation>Aucune action en retard.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="301"/>
        <source>Nothing planned.</source>
        <translation>Rien de prévu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="303"/>
        <source>No open risk.</source>
        <translation>Aucun risque ouvert.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System (follows the computer)</source>
        <translation>Système (suit l'ordinateur)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="44"/>
        <location filename="../../ui/shell/preferences.py" line="86"/>
        <location filename="../../ui/shell/preferences.py" line="147"/>
        <location filename="../../ui/shell/preferences.py" line="150"/>
        <source>Firm logo</source>
        <translation>Logo du cabinet</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="69"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="77"/>
        <source>The language changes at once, without restarting.</source>
        <translation>La langue change immédiatement, sans redémarrer.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="79"/>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="81"/>
        <source>Your name (consultant)</source>
        <translation>Votre nom (consultant)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="107"/>
        <location filename="../../ui/shell/preferences.py" line="167"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="108"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="114"/>
        <source>PNG, JPEG or SVG. Signs the cover of your deliverables.</source>
        <translation>PNG, JPEG ou SVG. Signe la couverture de vos livrables.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="131"/>
        <source>No logo: the cover names the consultant.</source>
        <translation>Pas de logo : la couverture nomme le consultant.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="168"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="183"/>
        <source>Default template</source>
        <translation>Modèle par défaut</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="197"/>
        <source>%1: a template must be a %2 file.</source>
        <translation>%1 : un modèle doit être un fichier %2.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="201"/>
        <source>%1: no such file.</source>
        <translation>%1 : fichier introuvable.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="206"/>
        <source>%1 lacks what the deliverables need; they will use the default template for it:</source>
        <translation>Il manque à %1 ce dont les livrables ont besoin ; ils utiliseront le modèle par défaut pour cela :</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="228"/>
        <source>Word template</source>
        <translation>Modèle Word</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="229"/>
        <source>PowerPoint template</source>
        <translation>Modèle PowerPoint</translation>
    </message>
    <message>
        <source>else the database role or your login name</source>
        <translation>sinon le rôle de base de données ou votre nom de session</translation>
    </message>
    <message>
        <source>Your name (shown in the history)</source>
        <translation>Votre nom (affiché dans l'historique)</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="46"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="47"/>
        <source>Hover a highlighted cell or row to see why. Rejected rows are listed in a report you can fix and import again.</source>
        <translation>Survolez une cellule ou une ligne surlignée pour en voir la raison. Les lignes rejetées sont listées dans un rapport à corriger puis réimporter.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="50"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="63"/>
        <source>Update rows with the same code or title instead of adding them again</source>
        <translation>Mettre à jour les lignes de même code ou titre au lieu de les ajouter à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="67"/>
        <source>Import nothing if any row is rejected</source>
        <translation>Ne rien importer si une ligne est rejetée</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="83"/>
        <source>Reading the rows…</source>
        <translation>Lecture des lignes…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="119"/>
        <source>%1 rows read: %2 new, %3 updates, %4 rejected, %5 warnings.</source>
        <translation>%1 lignes lues : %2 nouvelles, %3 mises à jour, %4 rejetées, %5 avertissements.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_preview.py" line="124"/>
        <source>The first %1 are shown.</source>
        <translation>Les %1 premières sont affichées.</translation>
    </message>
</context>
<context>
    <name>ProhibitedStep</name>
    <message>
        <location filename="../../ui/ai_act/questions.py" line="124"/>
        <source>(new, from %1) %2</source>
        <translation>(nouveau, à compter du %1) %2</translation>
    </message>
    <message>
        <location filename="../../ui/ai_act/questions.py" line="131"/>
        <source>Unverified: the point letter and the amending regulation are to be confirmed against the Official Journal.</source>
        <translation>Non vérifié : la lettre du point et le règlement modificatif sont à confirmer au Journal officiel.</translation>
    </message>
</context>
<context>
    <name>RefEditor</name>
    <message>
        <location filename="../../ui/registers/ref_picker.py" line="100"/>
        <source>Type a code or a title…</source>
        <translation>Tapez un code ou un titre…</translation>
    </message>
</context>
<context>
    <name>ReferenceMarks</name>
    <message>
        <location filename="../../ui/registers/annotations.py" line="38"/>
        <source>Unverified citation: it rests on secondary sources and is to be confirmed against the Official Journal (caio reference list --unverified lists the sources).</source>
        <translation>Citation non vérifiée : elle repose sur des sources secondaires et reste à confirmer au Journal officiel (caio reference list --unverified en donne les sources).</translation>
    </message>
    <message>
        <location filename="../../ui/registers/annotations.py" line="48"/>
        <source>Added by reference version %1</source>
        <translation>Ajoutée par la version %1 du référentiel</translation>
    </message>
    <message>
        <location filename="../../ui/registers/annotations.py" line="52"/>
        <source>Changed by reference version %1</source>
        <translation>Modifiée par la version %1 du référentiel</translation>
    </message>
    <message>
        <location filename="../../ui/registers/annotations.py" line="54"/>
        <source>Your text was kept; the new text is: %1</source>
        <translation>Votre texte est conservé ; le nouveau texte est : %1</translation>
    </message>
    <message>
        <location filename="../../ui/registers/annotations.py" line="57"/>
        <source>Previous text: %1</source>
        <translation>Texte précédent : %1</translation>
    </message>
</context>
<context>
    <name>ReferenceUpdateRow</name>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="26"/>
        <location filename="../../ui/shell/reference_update.py" line="73"/>
        <source>Reference content</source>
        <translation>Référentiels</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="31"/>
        <source>Reference data pack</source>
        <translation>Paquet de données de référence</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="32"/>
        <source>Reference data packs (*.zip)</source>
        <translation>Paquets de données de référence (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="48"/>
        <source>Update from a data pack…</source>
        <translation>Mettre à jour depuis un paquet…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="58"/>
        <source>Shipped with the application</source>
        <translation>Livrés avec l&apos;application</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="60"/>
        <source>Data pack %1, version %2 (%3)</source>
        <translation>Paquet %1, version %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="77"/>
        <source>The data pack was refused: %1</source>
        <translation>Le paquet de données a été refusé : %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="82"/>
        <source>Reference content updated to version %1.</source>
        <translation>Référentiels mis à jour en version %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/reference_update.py" line="86"/>
        <source>Generate the compliance checklist again to see the items it adds or changes.</source>
        <translation>Générez à nouveau la liste de conformité pour voir les exigences ajoutées ou modifiées.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../ui/registers/model.py" line="265"/>
        <source>Click to open %1</source>
        <translation>Cliquez pour ouvrir %1</translation>
    </message>
    <message>
        <location filename="../../ui/registers/model.py" line="207"/>
        <source>Added since %1</source>
        <translation>Ajouté depuis %1</translation>
    </message>
    <message>
        <location filename="../../ui/registers/model.py" line="208"/>
        <source>Changed since %1</source>
        <translation>Modifié depuis %1</translation>
    </message>
</context>
<context>
    <name>RegisterWidget</name>
    <message numerus="yes">
        <source>%n row(s) pasted. Columns left out (no such field): %1</source>
        <translation>
            <numerusform>%n ligne collée. Colonnes ignorées (aucun champ de ce nom) : %1</numerusform>
            <numerusform>%n lignes collées. Colonnes ignorées (aucun champ de ce nom) : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n de plus</numerusform>
            <numerusform>… et %n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted:</source>
        <translation>Rien n'a été collé :</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="212"/>
        <source>Nothing in “%1” yet: add the rows one by one, or bring them from the client&apos;s spreadsheet.</source>
        <translation>Rien dans « %1 » pour l&apos;instant : ajoutez les lignes une à une, ou reprenez-les du tableur du client.</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="215"/>
        <source>Import a spreadsheet…</source>
        <translation>Importer un tableur…</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="198"/>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="203"/>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="204"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="205"/>
        <source>Add a row: %1</source>
        <translation>Ajouter : %1</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="206"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="50"/>
        <location filename="../../ui/registers/view.py" line="207"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="57"/>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="176"/>
        <source>Changed since %1</source>
        <translation>Modifié depuis %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registers/view.py" line="229"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="231"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="325"/>
        <source>Delete %1 “%2”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer %1 « %2 » ? Ctrl+Z permet d&apos;annuler.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registers/view.py" line="328"/>
        <source>Delete %n row(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Supprimer %n ligne ? Ctrl+Z permet d&apos;annuler.</numerusform>
            <numerusform>Supprimer %n lignes ? Ctrl+Z permet d&apos;annuler.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/registers/view.py" line="381"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/importer/page_run.py" line="124"/>
        <source>Import report</source>
        <translation>Rapport d&apos;import</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="128"/>
        <source>Save rejected rows to a workbook…</source>
        <translation>Enregistrer les lignes rejetées dans un classeur…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="139"/>
        <source>Save rejected rows</source>
        <translation>Enregistrer les lignes rejetées</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="145"/>
        <source>Nothing was imported: %1 rows were rejected and you asked to import nothing in that case.</source>
        <translation>Rien n&apos;a été importé : %1 lignes ont été rejetées et vous avez demandé de ne rien importer dans ce cas.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="148"/>
        <source>%1 imported, %2 updated, %3 unchanged, %4 rejected, %5 warnings. Undo (Ctrl+Z) removes the whole import.</source>
        <translation>%1 importées, %2 mises à jour, %3 inchangées, %4 rejetées, %5 avertissements. Annuler (Ctrl+Z) retire tout l&apos;import.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="166"/>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>RisksPage</name>
    <message>
        <location filename="../../ui/pages/risks.py" line="19"/>
        <source>Risks &amp; compliance</source>
        <translation>Risques et conformité</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="24"/>
        <source>Click a cell of a heat map to see its risks; click it again to see them all.</source>
        <translation>Cliquez une case d&apos;une carte des risques pour n&apos;afficher que ses risques ; cliquez-la à nouveau pour tout revoir.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="25"/>
        <source>The client&apos;s AI risks, the actions that treat them and compliance by framework.</source>
        <translation>Les risques IA du client, les actions qui les traitent et la conformité par référentiel.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="38"/>
        <source>Current risk</source>
        <translation>Risque brut</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="39"/>
        <source>Residual risk</source>
        <translation>Risque résiduel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="55"/>
        <source>From the risk library…</source>
        <translation>Depuis la bibliothèque de risques…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="56"/>
        <source>Add risks from the AI risk library (one undo step)</source>
        <translation>Ajouter des risques de la bibliothèque de risques IA (annulable en une fois)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="86"/>
        <source>Framework:</source>
        <translation>Référentiel :</translation>
    </message>
    <message>
        <location filename="../../ui/pages/risks.py" line="102"/>
        <source>All frameworks</source>
        <translation>Tous les référentiels</translation>
    </message>
</context>
<context>
    <name>RoadmapPage</name>
    <message>
        <location filename="../../ui/pages/roadmap.py" line="16"/>
        <source>Roadmap &amp; KPIs</source>
        <translation>Feuille de route et KPI</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roadmap.py" line="19"/>
        <source>Initiatives by phase, milestones, and the indicators that show progress.</source>
        <translation>Initiatives par phase, jalons et indicateurs de progrès.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roadmap.py" line="29"/>
        <source>Timeline</source>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../ui/importer/page_run.py" line="40"/>
        <source>Importing</source>
        <translation>Import en cours</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="44"/>
        <source>Cancel import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="57"/>
        <source>Importing %1 rows…</source>
        <translation>Import de %1 lignes…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="79"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="94"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="102"/>
        <source>Import cancelled: the workspace is unchanged.</source>
        <translation>Import annulé : la mission est inchangée.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/page_run.py" line="107"/>
        <source>The import failed and nothing was written: %1</source>
        <translation>L&apos;import a échoué et rien n&apos;a été écrit : %1</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="114"/>
        <source>Sheet and header row</source>
        <translation>Feuille et ligne d&apos;en-tête</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="115"/>
        <source>The header row was looked for below titles and blank rows; change it if it is not the highlighted row.</source>
        <translation>La ligne d&apos;en-tête a été cherchée sous les titres et les lignes vides ; changez-la si ce n&apos;est pas la ligne surlignée.</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="125"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="126"/>
        <source>Header row</source>
        <translation>Ligne d&apos;en-tête</translation>
    </message>
    <message>
        <location filename="../../ui/importer/pages_source.py" line="136"/>
        <source>Sheet and header row — import into %1</source>
        <translation>Feuille et ligne d&apos;en-tête — import dans %1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/shell/start_page.py" line="69"/>
        <source>The interim Chief AI Officer&apos;s workbench: one engagement, one file.</source>
        <translation>L&apos;établi du Chief AI Officer de transition : une mission, un fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_page.py" line="70"/>
        <source>New engagement…</source>
        <translation>Nouvelle mission…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_page.py" line="71"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_page.py" line="72"/>
        <source>Open the demo</source>
        <translation>Ouvrir la démo</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_page.py" line="73"/>
        <source>Recent engagements</source>
        <translation>Missions récentes</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_page.py" line="87"/>
        <source>No recent engagement yet.</source>
        <translation>Aucune mission récente pour l&apos;instant.</translation>
    </message>
</context>
<context>
    <name>StrategyPage</name>
    <message>
        <location filename="../../ui/pages/strategy.py" line="17"/>
        <source>Strategy &amp; use cases</source>
        <translation>Stratégie et cas d&apos;usage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/strategy.py" line="20"/>
        <source>Objectives, charter and the portfolio of use cases, scored on value and feasibility.</source>
        <translation>Objectifs, charte et portefeuille de cas d&apos;usage, notés en valeur et en faisabilité.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/strategy.py" line="29"/>
        <source>Value × feasibility</source>
        <translation>Valeur × faisabilité</translation>
    </message>
    <message>
        <location filename="../../ui/pages/strategy.py" line="35"/>
        <source>Vendor selection</source>
        <translation>Choix des solutions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/strategy.py" line="41"/>
        <source>Selection matrix: score each option 1–5 on each criterion</source>
        <translation>Matrice de sélection : notez chaque option de 1 à 5 sur chaque critère</translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="242"/>
        <source>Save the survey form</source>
        <translation>Enregistrer le questionnaire</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="247"/>
        <source>Import filled forms</source>
        <translation>Importer des questionnaires remplis</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="248"/>
        <source>Survey forms (*.xlsx *.xlsm *.ods)</source>
        <translation>Questionnaires (*.xlsx *.xlsm *.ods)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="253"/>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="254"/>
        <source>New form…</source>
        <translation>Nouveau questionnaire…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="255"/>
        <source>Import filled forms…</source>
        <translation>Importer des réponses…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="256"/>
        <source>Drop filled forms here to import them (one or many files).</source>
        <translation>Déposez ici les questionnaires remplis pour les importer (un ou plusieurs fichiers).</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="295"/>
        <source>No survey yet: write a form, send it, then import the filled ones.</source>
        <translation>Aucune enquête pour l&apos;instant : créez un questionnaire, envoyez-le, puis importez les réponses.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/diagnosis/surveys.py" line="298"/>
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n répondant</numerusform>
            <numerusform>%n répondants</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="300"/>
        <source>%1% of %2 invited</source>
        <translation>%1 % de %2 invités</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="303"/>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="305"/>
        <source>Figures are shown from %1 respondents.</source>
        <translation>Les résultats sont présentés à partir de %1 répondants.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="308"/>
        <source>%1 AI tools named, %2 used without approval.</source>
        <translation>%1 outils d&apos;IA cités, dont %2 utilisés sans autorisation.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="336"/>
        <source>%1: form written</source>
        <translation>%1 : questionnaire enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="355"/>
        <source>Reading %1 of %2</source>
        <translation>Lecture de %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="372"/>
        <source>%1 of %2 forms imported</source>
        <translation>%1 formulaires importés sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="382"/>
        <source>Importing survey forms</source>
        <translation>Import des questionnaires</translation>
    </message>
</context>
<context>
    <name>SurveyResultsModel</name>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="78"/>
        <source>Pillar / dimension</source>
        <translation>Pilier / dimension</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="78"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="78"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="78"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="79"/>
        <source>Min–max</source>
        <translation>Min–max</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="79"/>
        <source>Std. dev.</source>
        <translation>Écart type</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="79"/>
        <source>Consultant</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="98"/>
        <source>AI tool</source>
        <translation>Outil d&apos;IA</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="98"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="98"/>
        <source>Without approval</source>
        <translation>Sans autorisation</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="98"/>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="99"/>
        <source>Client data</source>
        <translation>Données clients</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis/surveys.py" line="99"/>
        <source>Confidential data</source>
        <translation>Données confidentielles</translation>
    </message>
</context>
<context>
    <name>SystemsPage</name>
    <message>
        <location filename="../../ui/pages/systems.py" line="18"/>
        <source>AI systems</source>
        <translation>Systèmes d&apos;IA</translation>
    </message>
    <message>
        <location filename="../../ui/pages/systems.py" line="21"/>
        <source>Inventory of the AI systems in use or planned, with their AI Act classification.</source>
        <translation>Inventaire des systèmes d&apos;IA en service ou en projet, avec leur classification AI Act.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/systems.py" line="44"/>
        <source>Classify (AI Act)…</source>
        <translation>Classer (AI Act)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/systems.py" line="45"/>
        <source>Compliance checklist</source>
        <translation>Liste de conformité</translation>
    </message>
    <message>
        <location filename="../../ui/pages/systems.py" line="47"/>
        <source>Add the AI Act obligations of the selected systems (or of all) to the compliance register</source>
        <translation>Ajouter au registre de conformité les obligations AI Act des systèmes sélectionnés (ou de tous)</translation>
    </message>
</context>
<context>
    <name>TransparencyStep</name>
    <message>
        <location filename="../../ui/ai_act/questions.py" line="264"/>
        <source>Already on the market before 2 August 2026 (Art. 50(2) marking from %1) %2</source>
        <translation>Déjà sur le marché avant le 2 août 2026 (marquage de l&apos;art. 50(2) à compter du %1) %2</translation>
    </message>
    <message>
        <location filename="../../ui/ai_act/questions.py" line="268"/>
        <source>Grace period added by the Digital Omnibus on AI; to be confirmed against the Official Journal.</source>
        <translation>Délai de grâce ajouté par l&apos;Omnibus numérique sur l&apos;IA ; à confirmer au Journal officiel.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../ui/worker.py" line="66"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Linked rows</source>
        <translation>Éléments liés</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
</context>
<context>
    <name>PasteRows</name>
    <message>
        <source>P&amp;aste rows</source>
        <translation>&amp;Coller des lignes</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Search the &amp;engagement…</source>
        <translation>Rechercher dans la &amp;mission…</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Indexing the engagement for search…</source>
        <translation>Indexation de la mission pour la recherche…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search the engagement</source>
        <translation>Rechercher dans la mission</translation>
    </message>
    <message>
        <source>Search every register: codes, titles, notes, your own columns…</source>
        <translation>Chercher dans tous les registres : codes, intitulés, notes, vos propres colonnes…</translation>
    </message>
    <message>
        <source>Type to search every register of the engagement; Enter opens, Esc closes.</source>
        <translation>Tapez pour chercher dans tous les registres de la mission ; Entrée ouvre, Échap ferme.</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Rien ne correspond à « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>%n matching row(s)</source>
        <translation>
            <numerusform>%n ligne trouvée</numerusform>
            <numerusform>%n lignes trouvées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n register(s)</source>
        <translation>
            <numerusform>%n registre</numerusform>
            <numerusform>%n registres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>%1 — first %2 of %3</source>
        <translation>%1 — %2 premiers sur %3</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this row</source>
        <translation>Quelqu'un d'autre a modifié cette ligne</translation>
    </message>
    <message>
        <source>another consultant</source>
        <translation>un autre consultant</translation>
    </message>
    <message>
        <source>%1 changed %2 since you read it%3.</source>
        <translation>%1 a modifié %2 depuis que vous l'avez lu%3.</translation>
    </message>
    <message>
        <source>, on %1 (UTC)</source>
        <translation>, le %1 (UTC)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>Leur valeur</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Votre valeur</translation>
    </message>
    <message>
        <source>What you saw</source>
        <translation>Ce que vous aviez vu</translation>
    </message>
    <message>
        <source>Reload keeps the row and shows their version; Delete anyway deletes it, their changes with it.</source>
        <translation>Recharger garde la ligne et affiche leur version ; Supprimer quand même la supprime, avec leurs modifications.</translation>
    </message>
    <message>
        <source>Reload (keep the row)</source>
        <translation>Recharger (garder la ligne)</translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation>Supprimer quand même</translation>
    </message>
    <message>
        <source>Reload shows their version and drops your edit of these fields; Overwrite writes your values over theirs.</source>
        <translation>Recharger affiche leur version et abandonne votre modification de ces champs ; Écraser écrit vos valeurs à la place des leurs.</translation>
    </message>
    <message>
        <source>Reload (take theirs)</source>
        <translation>Recharger (garder la leur)</translation>
    </message>
    <message>
        <source>Overwrite (keep mine)</source>
        <translation>Écraser (garder la mienne)</translation>
    </message>
    <message>
        <source>%1 deleted %2%3; your change was not saved.</source>
        <translation>%1 a supprimé %2%3 ; votre modification n'a pas été enregistrée.</translation>
    </message>
    <message>
        <source>This row was deleted</source>
        <translation>Cette ligne a été supprimée</translation>
    </message>
</context>
<context>
    <name>OpenTeamDialog</name>
    <message>
        <source>Enter the engagement's address.</source>
        <translation>Saisissez l'adresse de la mission.</translation>
    </message>
    <message>
        <source>An engagement on a server has an address starting with postgresql://, for example %1</source>
        <translation>Une mission sur un serveur a une adresse qui commence par postgresql://, par exemple %1</translation>
    </message>
    <message>
        <source>Leave the password out of the address: it is asked for when the server wants one (or read from ~/.pgpass), and never kept in the list of recent engagements.</source>
        <translation>Ne mettez pas le mot de passe dans l'adresse : il est demandé quand le serveur en veut un (ou lu dans ~/.pgpass), et n'est jamais gardé dans la liste des missions récentes.</translation>
    </message>
    <message>
        <source>Open a team engagement</source>
        <translation>Ouvrir une mission d'équipe</translation>
    </message>
    <message>
        <source>An engagement shared on your firm's PostgreSQL server: the address names the user, the server, the database and the engagement.</source>
        <translation>Une mission partagée sur le serveur PostgreSQL de votre cabinet : l'adresse nomme l'utilisateur, le serveur, la base et la mission.</translation>
    </message>
    <message>
        <source>Engagement address</source>
        <translation>Adresse de la mission</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>The password was refused. Password for %1:</source>
        <translation>Le mot de passe a été refusé. Mot de passe pour %1 :</translation>
    </message>
    <message>
        <source>The server asks for a password. Password for %1:</source>
        <translation>Le serveur demande un mot de passe. Mot de passe pour %1 :</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Mot de passe du serveur</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only: the database role “%1” may read this engagement but not change it. Ask the engagement's owner for write access.</source>
        <translation>Lecture seule : le rôle de base de données « %1 » peut lire cette mission mais pas la modifier. Demandez l'accès en écriture au propriétaire de la mission.</translation>
    </message>
    <message>
        <source>Read-only: this engagement was opened for reading only; open it again to change it.</source>
        <translation>Lecture seule : cette mission a été ouverte en lecture seule ; ouvrez-la de nouveau pour la modifier.</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(non enregistré)</translation>
    </message>
</context>
</TS>
